/* pw-error.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-error"

#include "config.h"

#include "pw-error.h"

G_DEFINE_QUARK (pw-error-quark, pw_error)
