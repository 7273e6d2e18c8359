/* SPDX-License-Identifier: LGPL-3.0-or-later */
/* main.c -- qtoracle: certified golden values, vector generation and checking. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "oracle.h"

static void
usage(FILE *f)
{
    fprintf(f,
        "qtoracle %s -- certified reference values for quantum thermodynamics\n"
        "usage:\n"
        "  qtoracle list [--json]\n"
        "  qtoracle eval QUANTITY name=value ... [--digits D] [--json [--pretty]] [--timeout S]\n"
        "  qtoracle gen SPEC.json -o VECTORS.json [--progress] [--timeout S] [--shard I/N] [--jobs J]\n"
        "  qtoracle merge PART.json ... -o VECTORS.json\n"
        "  qtoracle check VECTORS.json RESULTS.jsonl|- [--rtol R] [--atol A] [--ulps N] [--subset] [--case GLOB] [--output NAME] [--flag F] [--skip-flag F] [--junit FILE] [--verbose]\n"
        "  qtoracle selfcheck VECTORS.json\n"
        "  qtoracle validate VECTORS.json [--extra-bits N] [--progress] [--timeout S] [--jobs J]\n"
        "  qtoracle audit CLAIMS.json [--json] [--max-digits D] [--progress] [--timeout S]\n"
        "  qtoracle sweep QUANTITY name=value ... name=LO:HI:N [--log] [--digits D] [--output NAME] [--csv|--jsonl] [--timeout S] [--jobs J]\n"
        "  qtoracle COMMAND --help\n"
        "exit status: 0 ok; 1 could not certify / check failures; 2 bad input; 3 internal error (a bug: please report)\n"
        "docs: docs/vectors.md, the user guides docs/*.md; man qtoracle\n", QT_VERSION);
}

/* qtoracle COMMAND --help */
static const char *const command_help[][2] = {
    {"list", "usage: qtoracle list [--json]\n  every quantity with its parameters, units and formula reference\n"},
    {"eval", NULL},       /* cmd_eval.c prints its own */
    {"audit", NULL},      /* cmd_audit.c prints its own */
    {"sweep", NULL},      /* cmd_sweep.c prints its own */
    {"merge", NULL},      /* cmd_merge.c prints its own */
    {"validate", NULL},   /* cmd_validate.c prints its own */
    {"gen", "usage: qtoracle gen SPEC.json -o VECTORS.json [--progress] [--timeout SECONDS] [--shard I/N] [--jobs J]\n  certified golden vectors from a spec, written atomically "
            "(docs/vectors.md); fails if an output cannot be certified to its group's digits;\n  progress on stderr "
            "when it is a terminal, one line per finished case (with its seconds) with --progress;\n  --timeout caps the wall time (could not certify, no "
            "file written, when reached);\n  --shard I/N computes the cases k (0, 1, ... in spec order) with k mod N = I - 1 into a "
            "part file for qtoracle merge;\n  --jobs J computes the cases in J worker processes (the same file, byte for byte; "
            "docs/scale.md)\n"},
    {"check", "usage: qtoracle check VECTORS.json RESULTS.jsonl|- [--rtol R] [--atol A] [--ulps N] [--subset]\n"
              "       [--case GLOB] [--output NAME] [--flag NAME] [--skip-flag NAME] [--junit FILE.xml] [--verbose]\n"
              "  a solver's results against certified vectors; without a tolerance option each group's stated "
              "tolerance;\n  the last line is 'N passed, N failed, N not checked'; exit 0 only if nothing failed "
              "(docs/vectors.md)\n"},
    {"selfcheck", "usage: qtoracle selfcheck VECTORS.json\n  lint beyond the schema: numberOfTests, unique caseIds, "
                  "and the three encodings of every enclosure sharing a point\n"},
};

#define COMMANDS "commands: list, eval, gen, check, selfcheck, validate, audit, sweep, merge"

/* the end of the process.  Every command has closed its files; the streams are flushed and the process ends without
   the exit handlers of the libraries (Debian's FLINT brings NTL and libstdc++, whose static destructors are a tenth of
   a one-shot `qtoracle eval` after its start-up) and without freeing FLINT's caches, whose memory goes back with the
   process.  A sanitizer build ends the usual way, so that its leak check runs on freed caches */
static int
finish(int code)
{
#if defined(__SANITIZE_ADDRESS__)
    flint_cleanup();
    return code;
#else
    fflush(NULL);
    _exit(code);
#endif
}

int
main(int argc, char **argv)
{
    int code;
    size_t h;
    qo_memory_guard_install();       /* before any FLINT or GMP allocation (effort.c) */
    if (argc >= 3 && (strcmp(argv[2], "--help") == 0 || strcmp(argv[2], "-h") == 0))
        for (h = 0; h < sizeof command_help / sizeof command_help[0]; h++)
            if (strcmp(argv[1], command_help[h][0]) == 0 && command_help[h][1] != NULL)
            {
                fputs(command_help[h][1], stdout);
                return finish(QO_EXIT_OK);
            }
    if (argc < 2)
    {
        qo_error("missing command (%s; qtoracle --help)", COMMANDS);
        return finish(QO_EXIT_USAGE);
    }
    if (strcmp(argv[1], "list") == 0)
        code = qo_cmd_list(argc - 2, argv + 2);
    else if (strcmp(argv[1], "eval") == 0)
        code = qo_cmd_eval(argc - 2, argv + 2);
    else if (strcmp(argv[1], "gen") == 0)
        code = qo_cmd_gen(argc - 2, argv + 2);
    else if (strcmp(argv[1], "check") == 0)
        code = qo_cmd_check(argc - 2, argv + 2);
    else if (strcmp(argv[1], "selfcheck") == 0)
        code = qo_cmd_selfcheck(argc - 2, argv + 2);
    else if (strcmp(argv[1], "audit") == 0)
        code = qo_cmd_audit(argc - 2, argv + 2);
    else if (strcmp(argv[1], "sweep") == 0)
        code = qo_cmd_sweep(argc - 2, argv + 2);
    else if (strcmp(argv[1], "merge") == 0)
        code = qo_cmd_merge(argc - 2, argv + 2);
    else if (strcmp(argv[1], "validate") == 0)
        code = qo_cmd_validate(argc - 2, argv + 2);
    else if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0)
    {
        usage(stdout);
        code = QO_EXIT_OK;
    }
    else if (strcmp(argv[1], "--version") == 0)
    {
        printf("qtoracle %s (Arb %s, FLINT %s, MPFR %s, GMP %s)\n", QT_VERSION, qt_version_arb(),
               qt_version_flint(), qt_version_mpfr(), qt_version_gmp());
        code = QO_EXIT_OK;
    }
    else
    {
        static const char *const names[] = {"list", "eval", "gen", "check", "selfcheck", "audit", "sweep", "merge",
                                             "validate", NULL};
        const char *near = qo_closest(argv[1], names, -1);
        if (near != NULL)
            qo_error("unknown command \"%s\"; did you mean %s? (%s)", argv[1], near, COMMANDS);
        else
            qo_error("unknown command \"%s\" (%s; qtoracle --help)", argv[1], COMMANDS);
        code = QO_EXIT_USAGE;
    }
    return finish(code);
}
