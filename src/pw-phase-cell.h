/* pw-phase-cell.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "phasewise-core.h"

G_BEGIN_DECLS

#define PW_TYPE_PHASE_CELL (pw_phase_cell_get_type ())

G_DECLARE_FINAL_TYPE (PwPhaseCell, pw_phase_cell, PW, PHASE_CELL, GtkWidget)

GtkWidget *pw_phase_cell_new           (void);
void       pw_phase_cell_set_framework (PwPhaseCell *self,
                                        PwFramework *framework);
void       pw_phase_cell_set_phase     (PwPhaseCell *self,
                                        int          phase,
                                        gboolean     stale);
int        pw_phase_cell_get_phase     (PwPhaseCell *self);
gboolean   pw_phase_cell_get_stale     (PwPhaseCell *self);
const char *pw_phase_cell_get_text     (PwPhaseCell *self);
const char *pw_phase_cell_get_description (PwPhaseCell *self);

/* For the sorters of the tables that show phases */
GtkOrdering _pw_phase_compare          (int                  a,
                                        int                  b,
                                        gboolean             descending);
gboolean    _pw_sort_probe             (gconstpointer        a,
                                        gconstpointer        b,
                                        gpointer             column,
                                        GtkOrdering         *result);
gboolean    _pw_sort_is_descending     (GtkColumnViewColumn *column);

G_END_DECLS
