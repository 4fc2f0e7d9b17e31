/* bench-utils.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "phasewise-core.h"

G_BEGIN_DECLS

/* bench_build_large_workbook() */
#define BENCH_LARGE_TEAMS        2000
#define BENCH_LARGE_ASSESSMENTS  100
#define BENCH_LARGE_WORKSHOPS    10
#define BENCH_LARGE_PARTICIPANTS 300

double      bench_median               (double      *values,
                                        guint        n_values);
PwWorkbook *bench_build_large_workbook (PwFramework *framework);

G_END_DECLS
