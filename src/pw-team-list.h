/* pw-team-list.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "phasewise-core.h"

G_BEGIN_DECLS

#define PW_TYPE_TEAM_LIST (pw_team_list_get_type ())

G_DECLARE_FINAL_TYPE (PwTeamList, pw_team_list, PW, TEAM_LIST, AdwBin)

GtkWidget  *pw_team_list_new           (void);
void        pw_team_list_set_workbook  (PwTeamList     *self,
                                        PwWorkbook     *workbook);
GPtrArray  *pw_team_list_get_selected  (PwTeamList     *self);
void        pw_team_list_select_teams  (PwTeamList     *self,
                                        PwTeam * const *teams,
                                        guint           n_teams);
void        pw_team_list_refresh_states (PwTeamList    *self);

/* For tests */
GtkColumnView *_pw_team_list_get_view   (PwTeamList    *self);

G_END_DECLS
