/* pw-workbook-io-private.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pw-types.h"

G_BEGIN_DECLS

/* The names of #PwPolicyStatus values in workbook files. */
extern const char * const _pw_policy_status_names[PW_POLICY_NOT_APPLICABLE + 1];

/* The names of #PwTeamKind values in workbook files. */
extern const char * const _pw_team_kind_names[PW_TEAM_SPOKE + 1];

/* The names of #PwAnswerKind values in workbook files: %NULL for none
 * (no value) and for an option (its phase, a number). */
extern const char * const _pw_answer_kind_names[PW_ANSWER_NOT_APPLICABLE + 1];

void     _pw_workbook_set_too_large     (GError  **error);
gboolean _pw_workbook_check_save_size  (gsize     size,
                                        GError  **error);
gboolean _pw_workbook_check_serialized (GBytes   *bytes,
                                        GError  **error);

G_END_DECLS
