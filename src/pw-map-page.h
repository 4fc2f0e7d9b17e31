/* pw-map-page.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "phasewise-core.h"

G_BEGIN_DECLS

#define PW_TYPE_MAP_PAGE (pw_map_page_get_type ())

G_DECLARE_FINAL_TYPE (PwMapPage, pw_map_page, PW, MAP_PAGE, AdwBin)

void        pw_map_page_set_document  (PwMapPage      *self,
                                       PwDocument     *document);
GPtrArray  *pw_map_page_get_selected  (PwMapPage      *self);
void        pw_map_page_select_teams  (PwMapPage      *self,
                                       PwTeam * const *teams,
                                       guint           n_teams);
const char *pw_map_page_get_view      (PwMapPage      *self);
void        pw_map_page_set_view      (PwMapPage      *self,
                                       const char     *view);
GtkWidget  *pw_map_page_get_canvas    (PwMapPage      *self);
GtkWidget  *pw_map_page_get_team_list (PwMapPage      *self);
GtkWidget  *pw_map_page_get_overview  (PwMapPage      *self);
GtkWidget  *pw_map_page_get_panel     (PwMapPage      *self);

G_END_DECLS
