#include "common/logging.h"

Q_LOGGING_CATEGORY(lcCommon, "concord.core.common", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDomain, "concord.core.domain", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "concord.core.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecurity, "concord.core.security", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "concord.core.security.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcConfig, "concord.core.config", QtInfoMsg)
Q_LOGGING_CATEGORY(lcQuickBooks, "concord.connectors.quickbooks", QtInfoMsg)
Q_LOGGING_CATEGORY(lcConnectorsHttp, "concord.connectors.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcConnectorsOAuth, "concord.connectors.oauth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHubSpot, "concord.connectors.hubspot", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCalcom, "concord.connectors.calcom", QtInfoMsg)
Q_LOGGING_CATEGORY(lcIdentity, "concord.core.identity", QtInfoMsg)
