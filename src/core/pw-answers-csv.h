/* pw-answers-csv.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pw-types.h"

G_BEGIN_DECLS

GBytes *pw_answers_to_csv (PwWorkbook    *workbook,
                           PwAssessment  *assessment,
                           GError       **error);

G_END_DECLS
