/* pw-policy-item.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pw-types.h"

G_BEGIN_DECLS

/* The most changes one item's history keeps; older ones are merged into
 * the oldest kept (see pw_policy_item_change_status()). */
#define PW_POLICY_MAX_CHANGES 1000

/**
 * PwPolicyChange:
 * @date: the day of the change, YYYY-MM-DD
 * @status: the status from that day
 * @previous: the status before
 * @by: (nullable): who made the change (the facilitator's name)
 * @reason: (nullable): why the item does not apply, with
 *   %PW_POLICY_NOT_APPLICABLE
 * @unknown: (nullable): members from a newer file, written back
 *
 * One change of an item's status.  Changes are never edited once made: a
 * history is replaced by a new one.
 */
typedef struct
{
  char           *date;
  PwPolicyStatus  status;
  PwPolicyStatus  previous;
  char           *by;
  char           *reason;
  JsonObject     *unknown;
} PwPolicyChange;

#define PW_TYPE_POLICY_CHANGE (pw_policy_change_get_type ())

GType           pw_policy_change_get_type      (void) G_GNUC_CONST;
PwPolicyChange *pw_policy_change_new           (const char           *date,
                                                PwPolicyStatus        status,
                                                PwPolicyStatus        previous,
                                                const char           *by,
                                                const char           *reason);
PwPolicyChange *pw_policy_change_copy          (const PwPolicyChange *change);
void            pw_policy_change_free          (PwPolicyChange       *change);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PwPolicyChange, pw_policy_change_free)

#define PW_TYPE_POLICY_ITEM (pw_policy_item_get_type ())

G_DECLARE_FINAL_TYPE (PwPolicyItem, pw_policy_item, PW, POLICY_ITEM, GObject)

PwPolicyItem   *pw_policy_item_new             (const char     *id,
                                                gboolean        custom);
gboolean        pw_policy_item_is_satisfied    (PwPolicyItem   *self);
gboolean        pw_policy_item_is_satisfied_on (PwPolicyItem   *self,
                                                const char     *date);
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
gboolean        pw_policy_item_set_core        (PwPolicyItem   *self,
                                                gboolean        core);
PwPolicyStatus  pw_policy_item_get_status      (PwPolicyItem   *self);
PwPolicyStatus  pw_policy_item_get_status_on   (PwPolicyItem   *self,
                                                const char     *date);
const char     *pw_policy_item_get_reason      (PwPolicyItem   *self);
const char     *pw_policy_item_get_reason_on   (PwPolicyItem   *self,
                                                const char     *date);
GPtrArray      *pw_policy_item_get_changes     (PwPolicyItem   *self);
gboolean        pw_policy_item_change_status   (PwPolicyItem   *self,
                                                PwPolicyStatus  status,
                                                const char     *reason,
                                                const char     *date,
                                                const char     *by,
                                                GError        **error);
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

const char *pw_policy_status_to_text (PwPolicyStatus status);

G_END_DECLS
