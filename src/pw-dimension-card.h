/* pw-dimension-card.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "phasewise-core.h"

G_BEGIN_DECLS

#define PW_TYPE_DIMENSION_CARD (pw_dimension_card_get_type ())

G_DECLARE_FINAL_TYPE (PwDimensionCard, pw_dimension_card, PW, DIMENSION_CARD, GtkListBoxRow)

PwDimensionCard        *pw_dimension_card_new               (PwFramework            *framework,
                                                             const PwDimension      *dimension);
const PwDimension      *pw_dimension_card_get_dimension     (PwDimensionCard        *self);
const PwDimensionScore *pw_dimension_card_get_score         (PwDimensionCard        *self);
const PwDimensionScore *pw_dimension_card_get_previous      (PwDimensionCard        *self);
const char             *pw_dimension_card_get_previous_name (PwDimensionCard        *self);
void                    pw_dimension_card_set_result        (PwDimensionCard        *self,
                                                             const PwDimensionScore *score,
                                                             const PwDimensionScore *previous,
                                                             const char             *previous_name);
gboolean                pw_dimension_card_get_stacked       (PwDimensionCard        *self);

G_END_DECLS
