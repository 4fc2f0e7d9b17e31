/* pw-org-model-card.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "phasewise-core.h"

G_BEGIN_DECLS

#define PW_TYPE_ORG_MODEL_CARD (pw_org_model_card_get_type ())

G_DECLARE_FINAL_TYPE (PwOrgModelCard, pw_org_model_card, PW, ORG_MODEL_CARD, AdwBin)

GtkWidget  *pw_org_model_card_new          (void);
void        pw_org_model_card_set_workbook (PwOrgModelCard *self,
                                            PwWorkbook     *workbook);
PwOrgModel  pw_org_model_card_get_model    (PwOrgModelCard *self);

G_END_DECLS
