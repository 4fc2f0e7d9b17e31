/* pw-policy-item.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "pw-types.h"

G_BEGIN_DECLS

#define PW_TYPE_POLICY_ITEM (pw_policy_item_get_type ())

G_DECLARE_FINAL_TYPE (PwPolicyItem, pw_policy_item, PW, POLICY_ITEM, GObject)

PwPolicyItem   *pw_policy_item_new             (const char     *id,
                                                gboolean        custom);
gboolean        pw_policy_item_is_satisfied    (PwPolicyItem   *self);
gboolean        pw_policy_item_has_state       (PwPolicyItem   *self);
gboolean        pw_policy_item_is_overdue      (PwPolicyItem   *self,
                                                GDate          *today);
const char     *pw_policy_item_get_id          (PwPolicyItem   *self);
gboolean        pw_policy_item_get_custom      (PwPolicyItem   *self);
const char     *pw_policy_item_get_category    (PwPolicyItem   *self);
void            pw_policy_item_set_category    (PwPolicyItem   *self,
                                                const char     *category);
const char     *pw_policy_item_get_title       (PwPolicyItem   *self);
void            pw_policy_item_set_title       (PwPolicyItem   *self,
                                                const char     *title);
const char     *pw_policy_item_get_description (PwPolicyItem   *self);
void            pw_policy_item_set_description (PwPolicyItem   *self,
                                                const char     *description);
gboolean        pw_policy_item_get_core        (PwPolicyItem   *self);
void            pw_policy_item_set_core        (PwPolicyItem   *self,
                                                gboolean        core);
PwPolicyStatus  pw_policy_item_get_status      (PwPolicyItem   *self);
void            pw_policy_item_set_status      (PwPolicyItem   *self,
                                                PwPolicyStatus  status);
const char     *pw_policy_item_get_owner       (PwPolicyItem   *self);
void            pw_policy_item_set_owner       (PwPolicyItem   *self,
                                                const char     *owner);
const char     *pw_policy_item_get_review_date (PwPolicyItem   *self);
void            pw_policy_item_set_review_date (PwPolicyItem   *self,
                                                const char     *review_date);
const char     *pw_policy_item_get_note        (PwPolicyItem   *self);
void            pw_policy_item_set_note        (PwPolicyItem   *self,
                                                const char     *note);
const char     *pw_policy_item_get_link        (PwPolicyItem   *self);
void            pw_policy_item_set_link        (PwPolicyItem   *self,
                                                const char     *link);

G_END_DECLS
