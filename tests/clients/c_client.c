/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* c_client.c -- a program built against an installed qtoracle with `pkg-config --cflags --libs qtoracle`: certifies
 * the entropy current of an ideal channel and checks it against the closed form tau pi^2 (T_L - T_R)/3 with Arb. */
#include <stdio.h>
#include <qtoracle/qtoracle.h>

int
main(void)
{
    qt_landauer_params_t p;
    arb_t v, ref;
    char reason[QT_REASON_LEN], err[128];
    int ok;
    qt_landauer_params_init(p);
    arb_init(v);
    arb_init(ref);
    p->stats = QT_FERMION;
    p->model = QT_MODEL_IDEAL;
    qt_exact_parse(p->tau, "1/2", err, sizeof err);
    qt_exact_parse(p->T_L, "1.5", err, sizeof err);
    qt_exact_parse(p->T_R, "0.5", err, sizeof err);
    ok = qt_landauer_entropy_current(v, p, 128, reason) == QT_OK;
    arb_const_pi(ref, 128);
    arb_sqr(ref, ref, 128);
    arb_div_ui(ref, ref, 6, 128);          /* (1/2) pi^2 (1.5 - 0.5) / 3 */
    ok = ok && arb_overlaps(v, ref) && arb_rel_accuracy_bits(v) > 90;
    printf("%s: ", ok ? "ok" : "FAILED");
    arb_printd(v, 20);
    printf(" (qtoracle %s)\n", QT_VERSION);
    arb_clear(v);
    arb_clear(ref);
    qt_landauer_params_clear(p);
    flint_cleanup();
    return ok ? 0 : 1;
}
