/* pw-teams-overview.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "phasewise-core.h"

G_BEGIN_DECLS

#define PW_TYPE_TEAMS_OVERVIEW (pw_teams_overview_get_type ())

G_DECLARE_FINAL_TYPE (PwTeamsOverview, pw_teams_overview, PW, TEAMS_OVERVIEW, AdwBin)

GtkWidget  *pw_teams_overview_new          (void);
void        pw_teams_overview_set_workbook (PwTeamsOverview *self,
                                            PwWorkbook      *workbook);
guint       pw_teams_overview_get_n_rows   (PwTeamsOverview *self);
int         pw_teams_overview_get_phase    (PwTeamsOverview *self,
                                            const char      *team_id,
                                            int              dimension);
void        pw_teams_overview_refresh      (PwTeamsOverview *self);
gboolean    pw_teams_overview_get_stale    (PwTeamsOverview *self,
                                            const char      *team_id);
const char *pw_teams_overview_get_summary  (PwTeamsOverview *self);

G_END_DECLS
