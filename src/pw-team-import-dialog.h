/* pw-team-import-dialog.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "phasewise-core.h"

G_BEGIN_DECLS

#define PW_TYPE_TEAM_IMPORT_DIALOG (pw_team_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PwTeamImportDialog, pw_team_import_dialog, PW, TEAM_IMPORT_DIALOG, AdwWindow)

PwTeamImportDialog *pw_team_import_dialog_new          (GtkWindow          *parent,
                                                        PwWorkbook         *workbook,
                                                        PwTeamImport       *import,
                                                        const char         *file_name);
void                pw_team_import_dialog_apply        (PwTeamImportDialog *self);

G_END_DECLS
