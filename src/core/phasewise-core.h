/* phasewise-core.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pw-answer.h"
#include "pw-assessment.h"
#include "pw-cli.h"
#include "pw-document.h"
#include "pw-drafts.h"
#include "pw-enums.h"
#include "pw-error.h"
#include "pw-file-writer.h"
#include "pw-framework.h"
#include "pw-history.h"
#include "pw-json-check.h"
#include "pw-json-util.h"
#include "pw-link.h"
#include "pw-map-export.h"
#include "pw-map-painter.h"
#include "pw-migration.h"
#include "pw-org-layout.h"
#include "pw-org-map.h"
#include "pw-policy.h"
#include "pw-policy-item.h"
#include "pw-policy-csv.h"
#include "pw-radar-painter.h"
#include "pw-recorder.h"
#include "pw-report-draft.h"
#include "pw-result-text.h"
#include "pw-retired-answer.h"
#include "pw-scoring.h"
#include "pw-session.h"
#include "pw-summary.h"
#include "pw-team.h"
#include "pw-team-csv.h"
#include "pw-types.h"
#include "pw-validate.h"
#include "pw-workbook.h"
#include "pw-workbook-io.h"
#include "pw-write-queue.h"
