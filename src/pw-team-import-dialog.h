/* pw-team-import-dialog.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "phasewise-core.h"
#include "pw-team-csv.h"

G_BEGIN_DECLS

#define PW_TYPE_TEAM_IMPORT_DIALOG (pw_team_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PwTeamImportDialog, pw_team_import_dialog, PW, TEAM_IMPORT_DIALOG, AdwWindow)

/**
 * PwTeamImportDone:
 * @n_teams: how many teams were added
 * @user_data: what pw_team_import_dialog_run() was given
 *
 * Called when the teams of an import are on the map.
 */
typedef void (*PwTeamImportDone) (guint    n_teams,
                                  gpointer user_data);

PwTeamImportDialog *pw_team_import_dialog_new          (GtkWindow          *parent,
                                                        PwWorkbook         *workbook,
                                                        PwTeamImport       *import,
                                                        const char         *file_name);
void                pw_team_import_dialog_apply        (PwTeamImportDialog *self);
PwTeamImport       *pw_team_import_dialog_get_import   (PwTeamImportDialog *self);
void                pw_team_import_dialog_run          (GtkWindow          *parent,
                                                        PwWorkbook         *workbook,
                                                        PwTeamImportDone    done,
                                                        gpointer            user_data);
void                pw_team_import_dialog_run_file     (GtkWindow          *parent,
                                                        PwWorkbook         *workbook,
                                                        GFile              *file,
                                                        PwTeamImportDone    done,
                                                        gpointer            user_data);

G_END_DECLS
