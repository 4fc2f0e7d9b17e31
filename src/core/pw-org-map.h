/* pw-org-map.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pw-link.h"
#include "pw-team.h"
#include "pw-types.h"

G_BEGIN_DECLS

#define PW_TYPE_ORG_MAP (pw_org_map_get_type ())

G_DECLARE_FINAL_TYPE (PwOrgMap, pw_org_map, PW, ORG_MAP, GObject)

PwOrgMap   *pw_org_map_new                  (void);
GListModel *pw_org_map_get_teams            (PwOrgMap    *self);
PwTeam     *pw_org_map_find_team            (PwOrgMap    *self,
                                             const char  *id);
void        pw_org_map_add_team             (PwOrgMap    *self,
                                             PwTeam      *team);
void        pw_org_map_insert_team          (PwOrgMap    *self,
                                             guint        position,
                                             PwTeam      *team);
void        pw_org_map_remove_team          (PwOrgMap    *self,
                                             PwTeam      *team);
char       *pw_org_map_new_team_id          (PwOrgMap    *self);
GListModel *pw_org_map_get_links            (PwOrgMap    *self);
PwLink     *pw_org_map_find_link            (PwOrgMap    *self,
                                             const char  *from,
                                             const char  *to);
gboolean    pw_org_map_has_link             (PwOrgMap    *self,
                                             const char  *from,
                                             const char  *to);
gboolean    pw_org_map_add_link             (PwOrgMap    *self,
                                             PwLink      *link);
gboolean    pw_org_map_insert_link          (PwOrgMap    *self,
                                             guint        position,
                                             PwLink      *link);
PwLink     *pw_org_map_link_teams           (PwOrgMap    *self,
                                             const char  *from,
                                             const char  *to);
gboolean    pw_org_map_remove_link          (PwOrgMap    *self,
                                             PwLink      *link);
gboolean    pw_org_map_unlink_teams         (PwOrgMap    *self,
                                             const char  *from,
                                             const char  *to);
PwTeam     *pw_org_map_get_hub_of           (PwOrgMap    *self,
                                             PwTeam      *team);
GPtrArray  *pw_org_map_get_linked_teams     (PwOrgMap    *self,
                                             PwTeam      *team);
PwOrgModel  pw_org_map_detect_model         (PwOrgMap    *self);

const char *pw_org_model_get_name           (PwOrgModel   model);
const char *pw_org_model_get_description    (PwOrgModel   model);
const char *pw_org_model_get_next_step      (PwOrgModel   model);
const char *pw_org_model_get_fit            (PwOrgModel   model);
const char *pw_org_model_get_pros           (PwOrgModel   model);
const char *pw_org_model_get_cons           (PwOrgModel   model);

G_END_DECLS
