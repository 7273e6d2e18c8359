/* level_scan.c -- lemma P9 (iv): before a line integral by the eigen route, prove the levels simple along the whole
 * real path of every piece, or name the place where they cannot be separated (a level crossing, where the secular
 * generator is not analytic, or an avoided crossing too narrow for the working precision).  [0, 1] is covered by
 * real intervals on which qt_pump_eigen_at succeeds (pairwise disjoint Rump discs for every matrix of the ball,
 * which holds every point of the interval); an interval where it fails is bisected down to a minimum width.  The
 * starting count and the minimum width are effort only: success is a proof, failure is reported as such. */
#include "pump_internal.h"

#define SCAN_MAX_EVALS 20000

typedef struct
{
    const qt_pump_params_struct *P;
    const qt_pump_piece_struct *g;
    qt_pump_eigen_struct *D;
    slong prec, evals, minexp;
}
scan;

/* 1 if the levels are simple at every point of the piece with u in [u0, u1] (exact dyadic endpoints) */
static int
interval_simple(scan *s, const arf_t u0, const arf_t u1)
{
    acb_t u, Bx, Bz, dx, dz;
    int ok;
    acb_init(u); acb_init(Bx); acb_init(Bz); acb_init(dx); acb_init(dz);
    arb_set_interval_arf(acb_realref(u), u0, u1, s->prec);
    qt_pump_piece_eval(Bx, Bz, dx, dz, s->g, u, s->prec);
    ok = qt_pump_eigen_at(s->D, s->P, s->P->J, s->P->Delta, s->P->b, Bx, Bz, s->prec);
    s->evals++;
    acb_clear(u); acb_clear(Bx); acb_clear(Bz); acb_clear(dx); acb_clear(dz);
    return ok;
}

/* bisect [u0, u1] until every part is proven simple; on failure at width 2^minexp (or when the effort cap is hit)
   set bad to the failing interval and return 0 */
static int
cover(scan *s, const arf_t u0, const arf_t u1, slong exp, arf_t bad0, arf_t bad1)
{
    arf_t m;
    int ok;
    if (interval_simple(s, u0, u1))
        return 1;
    if (exp <= s->minexp || s->evals >= SCAN_MAX_EVALS)
    {
        arf_set(bad0, u0);
        arf_set(bad1, u1);
        return 0;
    }
    arf_init(m);
    arf_add(m, u0, u1, ARF_PREC_EXACT, ARF_RND_DOWN);
    arf_mul_2exp_si(m, m, -1);
    ok = cover(s, u0, m, exp - 1, bad0, bad1) && cover(s, m, u1, exp - 1, bad0, bad1);
    arf_clear(m);
    return ok;
}

int
qt_pump_piece_levels_simple(arb_t where, const qt_pump_params_struct *P, const qt_pump_piece_struct *g, slong index,
                            slong prec, char *reason)
{
    scan s;
    qt_pump_eigen_struct D[1];
    arf_t u0, u1, bad0, bad1;
    slong n, i, e = 0;
    int ok = 1;
    qt_pump_eigen_init(D, (slong) 1 << P->n_qubits);
    arf_init(u0); arf_init(u1); arf_init(bad0); arf_init(bad1);
    s.P = P;
    s.g = g;
    s.D = D;
    s.prec = prec;
    s.evals = 0;
    /* 2^e >= about 8 intervals per unit length; the minimum width 2^-(24 + prec/8) grows finer with the precision,
       so a narrow avoided crossing is separated at some working precision of the --digits loop */
    n = qt_pump_piece_count(g, 8);
    while (((slong) 1 << e) < n && e < 20)
        e++;
    s.minexp = -(24 + prec / 8);
    for (i = 0; i < ((slong) 1 << e) && ok; i++)
    {
        arf_set_si_2exp_si(u0, i, -e);
        arf_set_si_2exp_si(u1, i + 1, -e);
        ok = cover(&s, u0, u1, -e, bad0, bad1);
    }
    if (!ok)
    {
        acb_t u, Bx, Bz, dx, dz;
        char *sx, *sz, *su;
        acb_init(u); acb_init(Bx); acb_init(Bz); acb_init(dx); acb_init(dz);
        arb_set_interval_arf(acb_realref(u), bad0, bad1, prec);
        if (where != NULL)
            arb_set(where, acb_realref(u));
        su = arb_get_str(acb_realref(u), 8, ARB_STR_NO_RADIUS);
        arb_get_mid_arb(acb_realref(u), acb_realref(u));
        qt_pump_piece_eval(Bx, Bz, dx, dz, g, u, prec);
        sx = arb_get_str(acb_realref(Bx), 8, ARB_STR_NO_RADIUS);
        sz = arb_get_str(acb_realref(Bz), 8, ARB_STR_NO_RADIUS);
        qt_fail(reason, QT_UNCERTIFIED,
                "the protocol: the levels of H could not be proven simple on piece %ld near u = %s, B = (%s, %s): a "
                "level crossing (the secular generator is not analytic there; refused) or %s (lemma P9 (iv))",
                (long) index + 1, su, sx, sz, s.evals >= SCAN_MAX_EVALS ? "the scan's effort cap was reached"
                : "an avoided crossing narrower than 2^-(24 + prec/8) in u");
        flint_free(su); flint_free(sx); flint_free(sz);
        acb_clear(u); acb_clear(Bx); acb_clear(Bz); acb_clear(dx); acb_clear(dz);
    }
    arf_clear(u0); arf_clear(u1); arf_clear(bad0); arf_clear(bad1);
    qt_pump_eigen_clear(D);
    return ok ? QT_OK : QT_UNCERTIFIED;
}

int
qt_pump_protocol_levels_simple(const qt_pump_params_struct *P, const qt_pump_piece_struct *g, slong np, slong prec,
                               char *reason)
{
    slong i;
    int st = QT_OK;
    if (!qt_pump_uses_eigen_route(P))
        return QT_OK;
    for (i = 0; i < np && st == QT_OK; i++)
        st = qt_pump_piece_levels_simple(NULL, P, g + i, i, prec, reason);
    return st;
}
