/* pw-team-csv.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "pw-org-map.h"
#include "pw-team.h"
#include "pw-workbook.h"

G_BEGIN_DECLS

/* What an import reads at most: a larger file is refused whole. */
#define PW_TEAM_IMPORT_MAX_MIB       20
#define PW_TEAM_IMPORT_MAX_BYTES     (PW_TEAM_IMPORT_MAX_MIB * 1024 * 1024)
/* The most teams a map holds, as the workbook reader accepts them. */
#define PW_TEAM_IMPORT_MAX_TEAMS     10000
/* Problems listed one by one; the rest are counted in one more problem. */
#define PW_TEAM_IMPORT_MAX_PROBLEMS  1000

#define PW_TYPE_TEAM_IMPORT (pw_team_import_get_type ())

G_DECLARE_FINAL_TYPE (PwTeamImport, pw_team_import, PW, TEAM_IMPORT, GObject)

PwTeamImport *pw_team_import_new            (PwOrgMap     *map,
                                             GBytes       *bytes,
                                             GError      **error);
guint         pw_team_import_get_n_teams    (PwTeamImport *self);
PwTeam       *pw_team_import_get_team       (PwTeamImport *self,
                                             guint         i);
guint         pw_team_import_get_team_line  (PwTeamImport *self,
                                             guint         i);
const char   *pw_team_import_get_parent     (PwTeamImport *self,
                                             guint         i);
guint         pw_team_import_get_n_problems (PwTeamImport *self);
const char   *pw_team_import_get_problem    (PwTeamImport *self,
                                             guint         i,
                                             guint        *line);
void          pw_team_import_apply          (PwTeamImport *self,
                                             PwWorkbook   *workbook);

G_END_DECLS
