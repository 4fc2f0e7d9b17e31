/* bench-utils.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

double bench_median (double *values,
                     guint   n_values);

G_END_DECLS
