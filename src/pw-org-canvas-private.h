/* pw-org-canvas-private.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pw-org-canvas.h"

G_BEGIN_DECLS

/* For the tests: where the view is, and how its points map to the map's */

void _pw_org_canvas_set_center    (PwOrgCanvas *self,
                                   double       x,
                                   double       y);
void _pw_org_canvas_screen_to_map (PwOrgCanvas *self,
                                   double       screen_x,
                                   double       screen_y,
                                   double      *map_x,
                                   double      *map_y);
void _pw_org_canvas_map_to_screen (PwOrgCanvas *self,
                                   double       map_x,
                                   double       map_y,
                                   double      *screen_x,
                                   double      *screen_y);
void _pw_org_canvas_get_visible   (PwOrgCanvas *self,
                                   double      *x,
                                   double      *y,
                                   double      *width,
                                   double      *height);

/* What the primary button's drag does, for the tests */
gboolean _pw_org_canvas_drag_begin  (PwOrgCanvas     *self,
                                     double           x,
                                     double           y,
                                     GdkModifierType  modifiers);
void     _pw_org_canvas_drag_update (PwOrgCanvas     *self,
                                     double           offset_x,
                                     double           offset_y);
void     _pw_org_canvas_drag_end    (PwOrgCanvas     *self,
                                     double           offset_x,
                                     double           offset_y);

gboolean _pw_org_canvas_get_action_enabled (PwOrgCanvas *self,
                                            const char  *name);

G_END_DECLS
