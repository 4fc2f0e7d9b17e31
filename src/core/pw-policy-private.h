/* pw-policy-private.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pw-policy.h"

G_BEGIN_DECLS

/* For the loader and for undo, which set a state known to be whole */
void _pw_policy_item_set_status_state (PwPolicyItem   *self,
                                       PwPolicyStatus  status,
                                       const char     *reason,
                                       GPtrArray      *changes);

G_END_DECLS
