/* pw-policy.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pw-framework.h"
#include "pw-policy-item.h"

G_BEGIN_DECLS

#define PW_TYPE_POLICY (pw_policy_get_type ())

G_DECLARE_FINAL_TYPE (PwPolicy, pw_policy, PW, POLICY, GObject)

PwPolicy     *pw_policy_new                 (PwFramework  *framework);
GListModel   *pw_policy_get_items           (PwPolicy     *self);
PwPolicyItem *pw_policy_find_item           (PwPolicy     *self,
                                             const char   *id);
void          pw_policy_add_custom_item     (PwPolicy     *self,
                                             PwPolicyItem *item);
void          pw_policy_remove_custom_item  (PwPolicy     *self,
                                             PwPolicyItem *item);
char         *pw_policy_new_custom_id       (PwPolicy     *self);
GPtrArray    *pw_policy_get_missing_core    (PwPolicy     *self);
void          pw_policy_count               (PwPolicy     *self,
                                             const char   *category_id,
                                             guint        *n_satisfied,
                                             guint        *n_items);

G_END_DECLS
