/* pw-wizard.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "phasewise-core.h"

G_BEGIN_DECLS

#define PW_TYPE_WIZARD (pw_wizard_get_type ())

G_DECLARE_FINAL_TYPE (PwWizard, pw_wizard, PW, WIZARD, AdwBin)

PwWizard     *pw_wizard_new            (PwWorkbook   *workbook,
                                        PwAssessment *assessment);
PwWorkbook   *pw_wizard_get_workbook   (PwWizard     *self);
PwAssessment *pw_wizard_get_assessment (PwWizard     *self);
guint         pw_wizard_get_n_pages    (PwWizard     *self);
guint         pw_wizard_get_page       (PwWizard     *self);
void          pw_wizard_set_page       (PwWizard     *self,
                                        guint         page);

G_END_DECLS
