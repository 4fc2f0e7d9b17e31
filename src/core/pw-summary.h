/* pw-summary.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pw-workbook.h"

G_BEGIN_DECLS

char     *pw_summary_to_text   (PwWorkbook *workbook);
JsonNode *pw_summary_to_json   (PwWorkbook *workbook);

G_END_DECLS
