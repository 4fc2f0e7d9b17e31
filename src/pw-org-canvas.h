/* pw-org-canvas.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "phasewise-core.h"

G_BEGIN_DECLS

/* The zoom range of the canvas, in screen pixels per map unit */
#define PW_ORG_CANVAS_MIN_ZOOM 0.05
#define PW_ORG_CANVAS_MAX_ZOOM 4.0

#define PW_TYPE_ORG_CANVAS (pw_org_canvas_get_type ())

G_DECLARE_FINAL_TYPE (PwOrgCanvas, pw_org_canvas, PW, ORG_CANVAS, GtkWidget)

GtkWidget  *pw_org_canvas_new              (void);
void        pw_org_canvas_set_workbook     (PwOrgCanvas    *self,
                                            PwWorkbook     *workbook);
PwWorkbook *pw_org_canvas_get_workbook     (PwOrgCanvas    *self);
GPtrArray  *pw_org_canvas_get_selected     (PwOrgCanvas    *self);
void        pw_org_canvas_select_teams     (PwOrgCanvas    *self,
                                            PwTeam * const *teams,
                                            guint           n_teams);
double      pw_org_canvas_get_zoom         (PwOrgCanvas    *self);
void        pw_org_canvas_set_zoom         (PwOrgCanvas    *self,
                                            double          zoom);
void        pw_org_canvas_zoom_to_fit      (PwOrgCanvas    *self);
void        pw_org_canvas_get_center       (PwOrgCanvas    *self,
                                            double         *x,
                                            double         *y);
void        pw_org_canvas_refresh_states   (PwOrgCanvas    *self);
gboolean    pw_org_canvas_get_show_legend  (PwOrgCanvas    *self);
void        pw_org_canvas_set_show_legend  (PwOrgCanvas    *self,
                                            gboolean        show_legend);

G_END_DECLS
