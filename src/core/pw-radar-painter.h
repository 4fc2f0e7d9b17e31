/* pw-radar-painter.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/**
 * PwRadarColor:
 *
 * A colour, each channel from 0 to 1.
 */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} PwRadarColor;

/**
 * PwRadarColors:
 * @foreground: rings, axes, the previous round and the text
 * @accent: the outline and points of the current round
 * @accent_bg: the fill of the current round
 * @background: what the chart is drawn on, for the halo of the ring numbers
 */
typedef struct
{
  PwRadarColor foreground;
  PwRadarColor accent;
  PwRadarColor accent_bg;
  PwRadarColor background;
} PwRadarColors;

#define PW_TYPE_RADAR_PAINTER (pw_radar_painter_get_type ())

G_DECLARE_FINAL_TYPE (PwRadarPainter, pw_radar_painter, PW, RADAR_PAINTER, GObject)

gboolean        pw_radar_painter_has_value      (double                      value);
PwRadarPainter *pw_radar_painter_new            (void);
void            pw_radar_painter_set_series     (PwRadarPainter             *self,
                                                 guint                       n_axes,
                                                 const char * const         *labels,
                                                 const double               *current,
                                                 const double               *previous);
guint           pw_radar_painter_get_n_axes     (PwRadarPainter             *self);
gboolean        pw_radar_painter_get_axis       (PwRadarPainter             *self,
                                                 guint                       axis,
                                                 const char                **label,
                                                 double                     *current,
                                                 double                     *previous);
void            pw_radar_painter_set_colors     (PwRadarPainter             *self,
                                                 const PwRadarColors        *colors);
void            pw_radar_painter_layout         (PwRadarPainter             *self,
                                                 PangoContext               *context,
                                                 double                      width,
                                                 double                      height);
void            pw_radar_painter_draw           (PwRadarPainter             *self,
                                                 cairo_t                    *cr);
double          pw_radar_painter_get_geometry   (PwRadarPainter             *self,
                                                 double                     *center_x,
                                                 double                     *center_y);
void            pw_radar_painter_get_point      (PwRadarPainter             *self,
                                                 guint                       axis,
                                                 double                      value,
                                                 double                     *x,
                                                 double                     *y);
gboolean        pw_radar_painter_get_label_rect (PwRadarPainter             *self,
                                                 guint                       axis,
                                                 cairo_rectangle_t          *rect);
gboolean        pw_radar_painter_get_ring_label_rect
                                                (PwRadarPainter             *self,
                                                 guint                       ring,
                                                 cairo_rectangle_t          *rect);
gboolean        pw_radar_painter_find_axis      (PwRadarPainter             *self,
                                                 double                      x,
                                                 double                      y,
                                                 guint                      *axis);

G_END_DECLS
