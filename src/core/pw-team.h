/* pw-team.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "pw-types.h"

G_BEGIN_DECLS

/* The shapes of teams on the map, in map units: a hub is a circle, a spoke a
 * rounded rectangle, each centred on the team's x and y. */
#define PW_TEAM_HUB_DIAMETER  140
#define PW_TEAM_SPOKE_WIDTH   180
#define PW_TEAM_SPOKE_HEIGHT   72

/* The range of a team's x and y, as a workbook file holds them */
#define PW_TEAM_MIN_COORDINATE (-1000000)
#define PW_TEAM_MAX_COORDINATE 1000000

#define PW_TYPE_TEAM (pw_team_get_type ())

G_DECLARE_FINAL_TYPE (PwTeam, pw_team, PW, TEAM, GObject)

PwTeam             *pw_team_new           (const char         *id,
                                           PwTeamKind          kind,
                                           const char         *name);
const char * const *pw_team_get_channels  (PwTeam             *self);
void                pw_team_set_channels  (PwTeam             *self,
                                           const char * const *channels);
const char         *pw_team_get_id        (PwTeam             *self);
const char         *pw_team_get_name      (PwTeam             *self);
void                pw_team_set_name      (PwTeam             *self,
                                           const char         *name);
PwTeamKind          pw_team_get_kind      (PwTeam             *self);
void                pw_team_set_kind      (PwTeam             *self,
                                           PwTeamKind          kind);
const char         *pw_team_get_function  (PwTeam             *self);
void                pw_team_set_function  (PwTeam             *self,
                                           const char         *function);
const char         *pw_team_get_region    (PwTeam             *self);
void                pw_team_set_region    (PwTeam             *self,
                                           const char         *region);
int                 pw_team_get_headcount (PwTeam             *self);
void                pw_team_set_headcount (PwTeam             *self,
                                           int                 headcount);
int                 pw_team_get_smes      (PwTeam             *self);
void                pw_team_set_smes      (PwTeam             *self,
                                           int                 smes);
int                 pw_team_get_x         (PwTeam             *self);
void                pw_team_set_x         (PwTeam             *self,
                                           int                 x);
int                 pw_team_get_y         (PwTeam             *self);
void                pw_team_set_y         (PwTeam             *self,
                                           int                 y);
void                pw_team_get_size      (PwTeam             *self,
                                           int                *width,
                                           int                *height);
const char         *pw_team_get_notes     (PwTeam             *self);
void                pw_team_set_notes     (PwTeam             *self,
                                           const char         *notes);

G_END_DECLS
