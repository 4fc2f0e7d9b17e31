/* pw-recorder.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pw-history.h"
#include "pw-workbook.h"

G_BEGIN_DECLS

#define PW_TYPE_RECORDER (pw_recorder_get_type ())

G_DECLARE_FINAL_TYPE (PwRecorder, pw_recorder, PW, RECORDER, GObject)

PwRecorder *pw_recorder_new (PwWorkbook *workbook,
                             PwHistory  *history);

G_END_DECLS
