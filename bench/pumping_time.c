/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* bench/pumping_time.c -- seconds per certified pump.heat_per_cycle (the record path of `qtoracle eval`:
 * both baths, the sum rule and, for one qubit, the thermodynamic length and tau W_diss) on the benchmark circle (centre (1, 1), radius 0.8)
 * (gamma_L = 1, gamma_R = 2, T = 1, centre (1, 1), radius 0.8) at the given digits.
 * Usage: bench_pumping DIGITS [N_QUBITS J B [PERIOD]] (with a period, the record also holds the thermodynamic length
 * and W_diss: the second-order integrals of the friction tensor).  Prints "digits seconds Q_L_mid", seconds the
 * median of three batches. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include "qtoracle/qtoracle.h"
#include "bench_clock.h"

static qt_pump_params_t P;
static qt_protocol_t C;

static void
fn(qt_record_t R, const void *p, slong prec)
{
    (void) p;
    qt_pump_heat_record(R, P, C, prec);
}

int
main(int argc, char **argv)
{
    slong digits = argc > 1 ? atol(argv[1]) : 20;
    qt_record_t R;
    int reps = 0, b;
    double el, t0, batch[3];
    qt_pump_params_init(P);
    if (argc > 4)
    {
        P->n_qubits = atol(argv[2]);
        if (fmpq_set_str(P->J, argv[3], 10) || fmpq_set_str(P->b, argv[4], 10))
            return 2;
    }
    qt_protocol_init(C);
    if (argc > 5)
    {
        C->has_period = 1;
        if (fmpq_set_str(C->period, argv[5], 10))
            return 2;
    }
    fmpq_set_si(P->gamma_L, 1, 1); fmpq_set_si(P->gamma_R, 2, 1); fmpq_set_si(P->T, 1, 1);
    C->kind = QT_PROTOCOL_CIRCLE;
    fmpq_set_si(C->cx, 1, 1); fmpq_set_si(C->cz, 1, 1); fmpq_set_si(C->radius, 4, 5);
    /* three batches, each of repeated records for at least 0.2 s (at least one): the median of their seconds per
       record */
    for (b = 0; b < 3; b++)
    {
        reps = 0;
        t0 = now();
        do
        {
            if (b > 0 || reps > 0)
                qt_record_clear(R);
            qt_traj_record_init(R, 0);
            if (qt_eval_digits_record(R, fn, NULL, digits) != QT_OK)
                return 1;
            reps++;
            el = now() - t0;
        }
        while (el < 0.2);
        batch[b] = el / reps;
    }
    el = batch[0] < batch[1] ? (batch[1] < batch[2] ? batch[1] : (batch[0] < batch[2] ? batch[2] : batch[0]))
                             : (batch[0] < batch[2] ? batch[0] : (batch[1] < batch[2] ? batch[2] : batch[1]));
    printf("%ld %.6g %s\n", (long) digits, el, arf_get_str(arb_midref(&R->out[0].value), 20));
    qt_record_clear(R);
    return 0;
}
