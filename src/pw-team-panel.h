/* pw-team-panel.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "phasewise-core.h"

G_BEGIN_DECLS

#define PW_TYPE_TEAM_PANEL (pw_team_panel_get_type ())

G_DECLARE_FINAL_TYPE (PwTeamPanel, pw_team_panel, PW, TEAM_PANEL, AdwBin)

GtkWidget *pw_team_panel_new          (void);
void       pw_team_panel_set_workbook (PwTeamPanel *self,
                                       PwWorkbook  *workbook);
void       pw_team_panel_set_team     (PwTeamPanel *self,
                                       PwTeam      *team);
PwTeam    *pw_team_panel_get_team     (PwTeamPanel *self);

G_END_DECLS
