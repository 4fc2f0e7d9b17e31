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

/* The most custom items and custom categories a checklist holds */
#define PW_POLICY_MAX_CUSTOM_ITEMS       1000
#define PW_POLICY_MAX_CUSTOM_CATEGORIES  100

#define PW_TYPE_CUSTOM_CATEGORY (pw_custom_category_get_type ())

G_DECLARE_FINAL_TYPE (PwCustomCategory, pw_custom_category, PW, CUSTOM_CATEGORY, GObject)

PwCustomCategory *pw_custom_category_new      (const char       *id,
                                               const char       *name);
const char       *pw_custom_category_get_id   (PwCustomCategory *self);
const char       *pw_custom_category_get_name (PwCustomCategory *self);
void              pw_custom_category_set_name (PwCustomCategory *self,
                                               const char       *name);

#define PW_TYPE_POLICY (pw_policy_get_type ())

G_DECLARE_FINAL_TYPE (PwPolicy, pw_policy, PW, POLICY, GObject)

PwPolicy     *pw_policy_new                    (PwFramework      *framework);
PwFramework  *pw_policy_get_framework          (PwPolicy         *self);
GListModel   *pw_policy_get_items              (PwPolicy         *self);
GPtrArray    *pw_policy_get_ordered_items      (PwPolicy         *self);
PwPolicyItem *pw_policy_find_item              (PwPolicy         *self,
                                                const char       *id);
void          pw_policy_add_custom_item        (PwPolicy         *self,
                                                PwPolicyItem     *item);
void          pw_policy_remove_custom_item     (PwPolicy         *self,
                                                PwPolicyItem     *item);
void          pw_policy_move_custom_item       (PwPolicy         *self,
                                                PwPolicyItem     *item,
                                                PwPolicyItem     *before);
char         *pw_policy_new_custom_id          (PwPolicy         *self);
GListModel   *pw_policy_get_custom_categories  (PwPolicy         *self);
PwCustomCategory *
              pw_policy_find_custom_category   (PwPolicy         *self,
                                                const char       *id);
void          pw_policy_add_custom_category    (PwPolicy         *self,
                                                PwCustomCategory *category);
void          pw_policy_remove_custom_category (PwPolicy         *self,
                                                PwCustomCategory *category);
void          pw_policy_move_custom_category   (PwPolicy         *self,
                                                PwCustomCategory *category,
                                                guint             position);
char         *pw_policy_new_custom_category_id (PwPolicy         *self);
GStrv         pw_policy_list_categories        (PwPolicy         *self);
const char   *pw_policy_get_category_name      (PwPolicy         *self,
                                                const char       *category_id);
gboolean      pw_policy_has_category           (PwPolicy         *self,
                                                const char       *category_id);
const char   *pw_policy_get_item_evidence      (PwPolicy         *self,
                                                PwPolicyItem     *item);
const char   *pw_policy_get_history_since      (PwPolicy         *self);
void          pw_policy_set_history_since      (PwPolicy         *self,
                                                const char       *date);
GPtrArray    *pw_policy_get_missing_core       (PwPolicy         *self,
                                                const char       *date);
GPtrArray    *pw_policy_get_waived_core        (PwPolicy         *self,
                                                const char       *date);
void          pw_policy_count                  (PwPolicy         *self,
                                                const char       *category_id,
                                                const char       *date,
                                                guint            *n_satisfied,
                                                guint            *n_items);

G_END_DECLS
