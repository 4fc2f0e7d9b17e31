/* pw-map-painter.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <cairo.h>
#include <pango/pango.h>

#include "pw-org-map.h"
#include "pw-types.h"

G_BEGIN_DECLS

/**
 * PwMapColor:
 *
 * A colour, each channel from 0 to 1.
 */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} PwMapColor;

/**
 * PwMapColors:
 * @foreground: text, outlines of unassessed teams
 * @background: what the map is drawn on
 * @line: links
 * @selection: the accent: outline of selected teams, rubber band
 * @hub_outline: outline of hubs
 * @spoke_outline: outline of spokes
 */
typedef struct
{
  PwMapColor foreground;
  PwMapColor background;
  PwMapColor line;
  PwMapColor selection;
  PwMapColor hub_outline;
  PwMapColor spoke_outline;
} PwMapColors;

void pw_map_colors_init_default (PwMapColors *colors,
                                 gboolean     dark);
void pw_map_phase_color         (int          phase,
                                 PwMapColor  *fill,
                                 PwMapColor  *text);

#define PW_TYPE_MAP_PAINTER (pw_map_painter_get_type ())

G_DECLARE_FINAL_TYPE (PwMapPainter, pw_map_painter, PW, MAP_PAINTER, GObject)

PwMapPainter *pw_map_painter_new                 (PwOrgMap                *map);
PwOrgMap     *pw_map_painter_get_map             (PwMapPainter            *self);
void          pw_map_painter_set_vector_only     (PwMapPainter            *self,
                                                  gboolean                 vector_only);
void          pw_map_painter_set_colors          (PwMapPainter            *self,
                                                  const PwMapColors       *colors);
void          pw_map_painter_set_team_state      (PwMapPainter            *self,
                                                  const char              *team_id,
                                                  int                      phase,
                                                  gboolean                 stale);
gboolean      pw_map_painter_get_team_state      (PwMapPainter            *self,
                                                  const char              *team_id,
                                                  int                     *phase,
                                                  gboolean                *stale);
void          pw_map_painter_clear_team_states   (PwMapPainter            *self);
void          pw_map_painter_update_states       (PwMapPainter            *self,
                                                  PwWorkbook              *workbook,
                                                  const GDate             *today);
void          pw_map_painter_set_selected        (PwMapPainter            *self,
                                                  GHashTable              *team_ids);
void          pw_map_painter_set_drag_offset     (PwMapPainter            *self,
                                                  double                   dx,
                                                  double                   dy);
void          pw_map_painter_set_rubber_band     (PwMapPainter            *self,
                                                  const cairo_rectangle_t *rect);
void          pw_map_painter_set_connect_preview (PwMapPainter            *self,
                                                  const char              *from_id,
                                                  double                   x,
                                                  double                   y);
void          pw_map_painter_get_team_rect       (PwMapPainter            *self,
                                                  PwTeam                  *team,
                                                  cairo_rectangle_t       *rect);
gboolean      pw_map_painter_get_bounds          (PwMapPainter            *self,
                                                  cairo_rectangle_t       *rect);
PwTeam       *pw_map_painter_pick                (PwMapPainter            *self,
                                                  double                   x,
                                                  double                   y);
GPtrArray    *pw_map_painter_pick_rect           (PwMapPainter            *self,
                                                  const cairo_rectangle_t *rect);
void          pw_map_painter_draw                (PwMapPainter            *self,
                                                  cairo_t                 *cr,
                                                  PangoContext            *context,
                                                  const cairo_rectangle_t *visible,
                                                  double                   scale);
void          pw_map_painter_draw_legend         (PwMapPainter            *self,
                                                  cairo_t                 *cr,
                                                  PangoContext            *context,
                                                  double                   x,
                                                  double                   y,
                                                  double                  *width,
                                                  double                  *height);

G_END_DECLS
