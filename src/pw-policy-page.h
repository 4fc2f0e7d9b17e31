/* pw-policy-page.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "phasewise-core.h"

G_BEGIN_DECLS

#define PW_TYPE_POLICY_PAGE (pw_policy_page_get_type ())

G_DECLARE_FINAL_TYPE (PwPolicyPage, pw_policy_page, PW, POLICY_PAGE, AdwBin)

void        pw_policy_page_set_document   (PwPolicyPage       *self,
                                           PwDocument         *document);
void        pw_policy_page_show_items     (PwPolicyPage       *self,
                                           const char * const *ids);
void        pw_policy_page_show_all       (PwPolicyPage       *self);
guint       pw_policy_page_get_n_shown    (PwPolicyPage       *self);
GtkWidget  *pw_policy_page_get_row        (PwPolicyPage       *self,
                                           const char         *item_id);

G_END_DECLS
