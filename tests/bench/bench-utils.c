/* bench-utils.c: what the benchmarks share
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "bench-utils.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The median of @values, which it sorts: the figure a benchmark reports,
 * which one slow run on a loaded machine does not move. */
double
bench_median (double *values,
              guint   n_values)
{
  g_return_val_if_fail (n_values > 0, 0);

  qsort (values, n_values, sizeof (double), compare_doubles);
  return values[n_values / 2];
}
