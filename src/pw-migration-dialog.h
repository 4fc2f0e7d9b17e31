/* pw-migration-dialog.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "phasewise-core.h"

G_BEGIN_DECLS

#define PW_TYPE_MIGRATION_DIALOG (pw_migration_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PwMigrationDialog, pw_migration_dialog, PW, MIGRATION_DIALOG, AdwWindow)

PwMigrationDialog *pw_migration_dialog_new           (GtkWindow         *parent,
                                                      PwDocument        *document,
                                                      PwMigration       *migration);
PwMigration       *pw_migration_dialog_get_migration (PwMigrationDialog *self);
void               pw_migration_dialog_apply         (PwMigrationDialog *self);
char              *pw_migration_dialog_format_result (PwFramework       *framework,
                                                      gboolean           dimension,
                                                      gboolean           has_score,
                                                      double             score,
                                                      int                phase);

G_END_DECLS
