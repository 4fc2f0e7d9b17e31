/* pw-profile-page.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pw-assessment-view.h"

G_BEGIN_DECLS

#define PW_TYPE_PROFILE_PAGE (pw_profile_page_get_type ())

G_DECLARE_FINAL_TYPE (PwProfilePage, pw_profile_page, PW, PROFILE_PAGE, PwAssessmentView)

GtkWidget  *pw_profile_page_new        (void);
GListModel *pw_profile_page_get_scopes (PwProfilePage *self);

G_END_DECLS
