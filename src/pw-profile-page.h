/* pw-profile-page.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "phasewise-core.h"

G_BEGIN_DECLS

#define PW_TYPE_PROFILE_PAGE (pw_profile_page_get_type ())

G_DECLARE_FINAL_TYPE (PwProfilePage, pw_profile_page, PW, PROFILE_PAGE, AdwBin)

GtkWidget    *pw_profile_page_new            (void);
PwWorkbook   *pw_profile_page_get_workbook   (PwProfilePage *self);
PwAssessment *pw_profile_page_get_assessment (PwProfilePage *self);
void          pw_profile_page_set_assessment (PwProfilePage *self,
                                              PwWorkbook    *workbook,
                                              PwAssessment  *assessment);
GListModel   *pw_profile_page_get_scopes     (PwProfilePage *self);

G_END_DECLS
