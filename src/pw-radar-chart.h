/* pw-radar-chart.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PW_TYPE_RADAR_CHART (pw_radar_chart_get_type ())

G_DECLARE_FINAL_TYPE (PwRadarChart, pw_radar_chart, PW, RADAR_CHART, GtkWidget)

GtkWidget  *pw_radar_chart_new             (void);
void        pw_radar_chart_set_series      (PwRadarChart       *self,
                                            guint               n_axes,
                                            const char * const *labels,
                                            const double       *current,
                                            const double       *previous);
guint       pw_radar_chart_get_n_axes      (PwRadarChart       *self);
const char *pw_radar_chart_get_description (PwRadarChart       *self);

G_END_DECLS
