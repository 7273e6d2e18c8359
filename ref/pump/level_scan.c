/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* level_scan.c -- lemma P9 (iv): before a line integral by the eigen route, prove the levels simple along the whole
 * real path of every piece, or name every place where they cannot be separated (level crossings, where the secular
 * generator is not analytic, or avoided crossings too narrow for the working precision).  Each piece u in [0, 1] is
 * swept from u = 0 by real intervals [u, u + h] on which qt_pump_eigen_at succeeds (pairwise disjoint Rump discs for
 * every matrix of the ball, which holds every point of the interval): h doubles after a success (up to the starting
 * width), halves after a failure, and a failure at the minimum width is recorded as a place (adjacent ones merged)
 * and stepped over.  The first place is resolved down to 2^-(24 + prec/8), which grows finer with the precision (a
 * narrow avoided crossing is separated at some precision of the --digits loop); once one is found the result is
 * QT_UNCERTIFIED at this precision, and the later places are only located, to 2^-16 at 64 bits.  The widths, the number of places
 * kept and the caps are effort only: success everywhere is a proof, and any recorded place makes the result
 * QT_UNCERTIFIED. */
#include <string.h>
#include "pump_internal.h"

#define SCAN_MAX_EVALS 20000      /* interval evaluations per protocol */
#define SCAN_MAX_PLACES 16        /* places kept (the reason names as many as fit) */
#define SCAN_MAX_RUN 64           /* adjacent failing minimum-width steps before a piece's sweep stops */
#define SCAN_LOCATE_EXP (-16)     /* places after the first are located to this width at SCAN_LOCATE_PREC bits: the
                                     result is already QT_UNCERTIFIED, they are named, not decided */
#define SCAN_LOCATE_PREC 64

typedef struct
{
    slong piece;
    arf_t u0, u1;
}
scan_place;

typedef struct
{
    const qt_pump_params_struct *P;
    const qt_pump_piece_struct *g;
    qt_pump_eigen_struct *D;
    slong prec, evals, minexp, n;
    int stopped;                  /* the sweep stopped early (a cap): more places are possible */
    scan_place pl[SCAN_MAX_PLACES];
}
scan;

/* 1 if the levels are simple at every point of the piece with u in [u0, u1] (exact dyadic endpoints) */
static int
interval_simple(scan *s, const arf_t u0, const arf_t u1)
{
    acb_t u, Bx, Bz, dx, dz;
    int ok;
    slong prec = s->n == 0 ? s->prec : FLINT_MIN(s->prec, SCAN_LOCATE_PREC);
    acb_init(u); acb_init(Bx); acb_init(Bz); acb_init(dx); acb_init(dz);
    arb_set_interval_arf(acb_realref(u), u0, u1, prec);
    qt_pump_piece_eval(Bx, Bz, dx, dz, s->g, u, prec);
    ok = qt_pump_eigen_at(s->D, s->P, s->P->J, s->P->Delta, s->P->b, Bx, Bz, prec);
    s->evals++;
    acb_clear(u); acb_clear(Bx); acb_clear(Bz); acb_clear(dx); acb_clear(dz);
    return ok;
}

/* record [u0, u1] of piece index (merged with the last place if adjacent); 0 if the list is full */
static int
record(scan *s, slong index, const arf_t u0, const arf_t u1)
{
    scan_place *last = s->n > 0 ? s->pl + s->n - 1 : NULL;
    if (last != NULL && last->piece == index && arf_equal(last->u1, u0))
    {
        arf_set(last->u1, u1);
        return 1;
    }
    if (s->n == SCAN_MAX_PLACES)
        return 0;
    s->pl[s->n].piece = index;
    arf_set(s->pl[s->n].u0, u0);
    arf_set(s->pl[s->n].u1, u1);
    s->n++;
    return 1;
}

/* sweep piece g (number index) from u = 0 to 1 */
static void
sweep_piece(scan *s, const qt_pump_piece_struct *g, slong index)
{
    arf_t u, u1, one;
    slong n, e = 0, hexp, run = 0, streak = 0;
    arf_init(u); arf_init(u1); arf_init(one);
    arf_one(one);
    s->g = g;
    /* the starting width 2^-e: about 8 intervals per unit length */
    n = qt_pump_piece_count(g, 8);
    while (((slong) 1 << e) < n && e < 20)
        e++;
    hexp = -e;
    arf_zero(u);
    while (arf_cmp(u, one) < 0)
    {
        if (s->evals >= SCAN_MAX_EVALS)
        {
            s->stopped = 1;
            break;
        }
        arf_set_si_2exp_si(u1, 1, hexp);
        arf_add(u1, u1, u, ARF_PREC_EXACT, ARF_RND_DOWN);
        if (arf_cmp(u1, one) > 0)
            arf_one(u1);
        if (interval_simple(s, u, u1))
        {
            arf_set(u, u1);
            run = 0;
            /* double after the second success in a row: a success just after a halving is followed by a step of
               the same width (bisection towards a crossing costs about two evaluations per halving) */
            if (++streak >= 2 && hexp < -e)
                hexp++;
            continue;
        }
        streak = 0;
        if (hexp > (s->n == 0 ? s->minexp : FLINT_MAX(s->minexp, SCAN_LOCATE_EXP)))
            hexp--;
        else
        {
            /* a place where the levels cannot be separated at this precision: record it and step over it */
            if (!record(s, index, u, u1) || ++run >= SCAN_MAX_RUN)
            {
                s->stopped = 1;
                break;
            }
            arf_set(u, u1);
        }
    }
    arf_clear(u); arf_clear(u1); arf_clear(one);
}

/* the reason: every recorded place that fits in QT_REASON_LEN, then the count of the others (g[0] is piece first) */
static void
report(const scan *s, const qt_pump_piece_struct *g, slong first, slong prec, char *reason)
{
    const char *tail = s->stopped
        ? " (level crossings or avoided crossings narrower than 2^-(24 + prec/8) in u; the scan stopped at its effort cap, so there may be more; refused, lemma P9 (iv))"
        : s->n == 1 ? " (a level crossing, where the secular generator is not analytic, or an avoided crossing narrower than 2^-(24 + prec/8) in u; refused, lemma P9 (iv))"
        : " (level crossings, where the secular generator is not analytic, or avoided crossings narrower than the scan resolves: 2^-(24 + prec/8) in u for the first, 2^-16 for the others; refused, lemma P9 (iv))";
    char buf[QT_REASON_LEN], more[40];
    size_t len, room;
    slong i, shown = 0;
    if (reason == NULL)
        return;
    snprintf(buf, sizeof buf, "the protocol: the levels of H could not be proven simple at %ld place%s: ",
             (long) s->n, s->n == 1 ? "" : "s");
    len = strlen(buf);
    room = QT_REASON_LEN - 1 - strlen(tail) - sizeof "; and 99 more";
    for (i = 0; i < s->n; i++)
    {
        char item[160], *su, *sx, *sz;
        acb_t u, Bx, Bz, dx, dz;
        acb_init(u); acb_init(Bx); acb_init(Bz); acb_init(dx); acb_init(dz);
        arb_set_interval_arf(acb_realref(u), s->pl[i].u0, s->pl[i].u1, prec);
        su = arb_get_str(acb_realref(u), 6, ARB_STR_NO_RADIUS);
        arb_get_mid_arb(acb_realref(u), acb_realref(u));
        qt_pump_piece_eval(Bx, Bz, dx, dz, g + (s->pl[i].piece - first), u, prec);
        sx = arb_get_str(acb_realref(Bx), 6, ARB_STR_NO_RADIUS);
        sz = arb_get_str(acb_realref(Bz), 6, ARB_STR_NO_RADIUS);
        snprintf(item, sizeof item, "%spiece %ld near u = %s, B = (%s, %s)", i > 0 ? "; " : "",
                 (long) s->pl[i].piece + 1, su, sx, sz);
        flint_free(su); flint_free(sx); flint_free(sz);
        acb_clear(u); acb_clear(Bx); acb_clear(Bz); acb_clear(dx); acb_clear(dz);
        if (len + strlen(item) > room)
            break;
        memcpy(buf + len, item, strlen(item) + 1);
        len += strlen(item);
        shown++;
    }
    more[0] = '\0';
    if (shown < s->n)
        snprintf(more, sizeof more, "; and %ld more", (long) (s->n - shown));
    qt_fail(reason, QT_UNCERTIFIED, "%s%s%s", buf, more, tail);
}

/* scan the pieces g[0..np) (pieces numbered from first); where (if not NULL) the u interval of the first place */
static int
scan_pieces(arb_t where, const qt_pump_params_struct *P, const qt_pump_piece_struct *g, slong np, slong first,
            slong prec, char *reason)
{
    scan s;
    qt_pump_eigen_struct D[1];
    slong i;
    int st = QT_OK;
    qt_pump_eigen_init(D, (slong) 1 << P->n_qubits);
    for (i = 0; i < SCAN_MAX_PLACES; i++)
    {
        arf_init(s.pl[i].u0);
        arf_init(s.pl[i].u1);
    }
    s.P = P;
    s.D = D;
    s.prec = prec;
    s.evals = 0;
    s.n = 0;
    s.stopped = 0;
    /* the minimum width 2^-(24 + prec/8) grows finer with the precision, so a narrow avoided crossing is separated at
       some working precision of the --digits loop */
    s.minexp = -(24 + prec / 8);
    for (i = 0; i < np && !(s.stopped && s.evals >= SCAN_MAX_EVALS); i++)
        sweep_piece(&s, g + i, first + i);
    if (s.n > 0 || s.stopped)
    {
        if (s.n == 0)
        {
            /* only the effort cap: nothing proven, nothing found */
            qt_fail(reason, QT_UNCERTIFIED, "the protocol: the scan for level crossings (lemma P9 (iv)) reached its effort cap before proving the levels simple along the whole path; refused");
            if (where != NULL)
                arb_indeterminate(where);
        }
        else
        {
            report(&s, g, first, prec, reason);
            if (where != NULL)
                arb_set_interval_arf(where, s.pl[0].u0, s.pl[0].u1, prec);
        }
        st = QT_UNCERTIFIED;
    }
    for (i = 0; i < SCAN_MAX_PLACES; i++)
    {
        arf_clear(s.pl[i].u0);
        arf_clear(s.pl[i].u1);
    }
    qt_pump_eigen_clear(D);
    return st;
}

int
qt_pump_piece_levels_simple(arb_t where, const qt_pump_params_struct *P, const qt_pump_piece_struct *g, slong index,
                            slong prec, char *reason)
{
    return scan_pieces(where, P, g, 1, index, prec, reason);
}

int
qt_pump_pieces_levels_simple(const qt_pump_params_struct *P, const qt_pump_piece_struct *g, slong np, slong prec,
                             char *reason)
{
    return scan_pieces(NULL, P, g, np, 0, prec, reason);
}

int
qt_pump_protocol_levels_simple(const qt_pump_params_struct *P, const qt_pump_piece_struct *g, slong np, slong prec,
                               char *reason)
{
    if (!qt_pump_uses_eigen_route(P))
        return QT_OK;
    return qt_pump_pieces_levels_simple(P, g, np, prec, reason);
}
