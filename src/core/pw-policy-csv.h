/* pw-policy-csv.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pw-policy.h"

G_BEGIN_DECLS

GBytes *pw_policy_to_csv (PwPolicy *policy,
                          GDate    *today);

G_END_DECLS
