""" Contains all the data models used in inputs/outputs """

from .abuse_pattern import AbusePattern
from .accept_invitation_in import AcceptInvitationIn
from .account_controls_out import AccountControlsOut
from .account_in import AccountIn
from .account_in_broker_type_1 import AccountInBrokerType1
from .account_in_broker_type_2_type_1 import AccountInBrokerType2Type1
from .account_in_broker_type_3_type_1 import AccountInBrokerType3Type1
from .account_list_out import AccountListOut
from .account_out import AccountOut
from .account_out_target_allocation import AccountOutTargetAllocation
from .account_patch_in import AccountPatchIn
from .account_patch_in_target_allocation_type_0 import AccountPatchInTargetAllocationType0
from .account_report_out import AccountReportOut
from .account_rules_in import AccountRulesIn
from .account_rules_out import AccountRulesOut
from .account_scope_in import AccountScopeIn
from .account_status import AccountStatus
from .account_tax_type import AccountTaxType
from .account_type import AccountType
from .action import Action
from .activate_in import ActivateIn
from .adapters_http_routes_health_liveness import AdaptersHttpRoutesHealthLiveness
from .adopted_order_out import AdoptedOrderOut
from .agent_halt_in import AgentHaltIn
from .agent_in import AgentIn
from .agent_out import AgentOut
from .agent_scope_in import AgentScopeIn
from .agents_out import AgentsOut
from .aggregation_account_list_out import AggregationAccountListOut
from .aggregation_account_out import AggregationAccountOut
from .aggregation_attach_in import AggregationAttachIn
from .aggregation_exchange_in import AggregationExchangeIn
from .aggregation_holding_list_out import AggregationHoldingListOut
from .aggregation_holding_out import AggregationHoldingOut
from .aggregation_item_list_out import AggregationItemListOut
from .aggregation_item_out import AggregationItemOut
from .aggregation_link_token_out import AggregationLinkTokenOut
from .aggregation_sync_out import AggregationSyncOut
from .aggregation_transaction_list_out import AggregationTransactionListOut
from .aggregation_transaction_out import AggregationTransactionOut
from .aggregation_webhook_ack_out import AggregationWebhookAckOut
from .alert_out import AlertOut
from .alert_review_in import AlertReviewIn
from .alert_review_in_status import AlertReviewInStatus
from .alert_severity import AlertSeverity
from .alert_status import AlertStatus
from .alerts_relayed_out import AlertsRelayedOut
from .allocation_out import AllocationOut
from .alternatives_limits_out import AlternativesLimitsOut
from .american_in import AmericanIn
from .american_in_method import AmericanInMethod
from .american_in_right_type_0 import AmericanInRightType0
from .american_in_right_type_1_item import AmericanInRightType1Item
from .american_out import AmericanOut
from .american_out_method import AmericanOutMethod
from .american_out_units import AmericanOutUnits
from .analysis_out import AnalysisOut
from .analysis_out_probabilities_type_0 import AnalysisOutProbabilitiesType0
from .analyze_in import AnalyzeIn
from .api_key_in import ApiKeyIn
from .api_key_out import ApiKeyOut
from .api_keys_out import ApiKeysOut
from .appreciation_point_out import AppreciationPointOut
from .approval_out import ApprovalOut
from .asset_class import AssetClass
from .asset_fit_out import AssetFitOut
from .attribution_constituent_in import AttributionConstituentIn
from .attribution_cusum_event_out import AttributionCusumEventOut
from .attribution_cusum_event_out_direction import AttributionCusumEventOutDirection
from .attribution_cusum_in import AttributionCusumIn
from .attribution_cusum_out import AttributionCusumOut
from .attribution_cusum_out_sigma_source import AttributionCusumOutSigmaSource
from .attribution_effects_out import AttributionEffectsOut
from .attribution_in import AttributionIn
from .attribution_in_linking import AttributionInLinking
from .attribution_in_model import AttributionInModel
from .attribution_in_period import AttributionInPeriod
from .attribution_in_regime import AttributionInRegime
from .attribution_linked_out import AttributionLinkedOut
from .attribution_linked_out_method import AttributionLinkedOutMethod
from .attribution_out import AttributionOut
from .attribution_out_conventions import AttributionOutConventions
from .attribution_out_model import AttributionOutModel
from .attribution_out_units import AttributionOutUnits
from .attribution_period_in import AttributionPeriodIn
from .attribution_period_out import AttributionPeriodOut
from .attribution_sector_in import AttributionSectorIn
from .attribution_totals_out import AttributionTotalsOut
from .audit_entry_out import AuditEntryOut
from .audit_entry_out_details import AuditEntryOutDetails
from .audit_page_out import AuditPageOut
from .autopilot_in import AutopilotIn
from .autopilot_limits_in import AutopilotLimitsIn
from .autopilot_limits_out import AutopilotLimitsOut
from .backtest_in import BacktestIn
from .backtest_out import BacktestOut
from .backtest_page_out import BacktestPageOut
from .backtest_request_out import BacktestRequestOut
from .balance_sheet_out import BalanceSheetOut
from .band_out import BandOut
from .bar_out import BarOut
from .bar_page_out import BarPageOut
from .bars_out import BarsOut
from .benchmark_constituent_in import BenchmarkConstituentIn
from .benchmark_out import BenchmarkOut
from .beneficiaries_in import BeneficiariesIn
from .beneficiaries_out import BeneficiariesOut
from .beneficiary_in import BeneficiaryIn
from .beneficiary_out import BeneficiaryOut
from .beta_estimate_out import BetaEstimateOut
from .beta_estimate_out_betas_type_0 import BetaEstimateOutBetasType0
from .beta_estimation_out import BetaEstimationOut
from .beta_estimation_out_proxies import BetaEstimationOutProxies
from .bin_out import BinOut
from .black_litterman_out import BlackLittermanOut
from .block_fees_out import BlockFeesOut
from .bond_cash_flow_out import BondCashFlowOut
from .bond_holding_out import BondHoldingOut
from .bond_in import BondIn
from .bond_out import BondOut
from .bond_out_units import BondOutUnits
from .bond_shock_out import BondShockOut
from .bond_spec_in import BondSpecIn
from .bond_terms_in import BondTermsIn
from .bond_terms_out import BondTermsOut
from .bond_totals_out import BondTotalsOut
from .book_controls_out import BookControlsOut
from .book_halt_in import BookHaltIn
from .book_halt_out import BookHaltOut
from .book_in import BookIn
from .book_in_aliases import BookInAliases
from .book_limit_kind import BookLimitKind
from .book_out import BookOut
from .book_out_aliases import BookOutAliases
from .book_patch import BookPatch
from .book_patch_aliases_type_0 import BookPatchAliasesType0
from .book_scope_in import BookScopeIn
from .book_source_out import BookSourceOut
from .booked_action_out import BookedActionOut
from .books_out import BooksOut
from .breaker_settings_out import BreakerSettingsOut
from .broker_credentials_in import BrokerCredentialsIn
from .broker_credentials_out import BrokerCredentialsOut
from .broker_outcome_out import BrokerOutcomeOut
from .bulk_read_in import BulkReadIn
from .calendar_out import CalendarOut
from .calendar_out_calendars import CalendarOutCalendars
from .calendar_spread_out import CalendarSpreadOut
from .calibration_out import CalibrationOut
from .calibration_out_conventions_type_0 import CalibrationOutConventionsType0
from .calibration_out_status import CalibrationOutStatus
from .cash_flow_out import CashFlowOut
from .chain_break_out import ChainBreakOut
from .chain_head_out import ChainHeadOut
from .chain_out import ChainOut
from .chain_report_out import ChainReportOut
from .channel import Channel
from .check_out import CheckOut
from .cleared_out import ClearedOut
from .combine import Combine
from .combiner import Combiner
from .combiner_in import CombinerIn
from .combiner_report_out import CombinerReportOut
from .commission_in import CommissionIn
from .commodities_in import CommoditiesIn
from .commodities_out import CommoditiesOut
from .commodity_in import CommodityIn
from .common_decision_out import CommonDecisionOut
from .component_out import ComponentOut
from .component_status import ComponentStatus
from .component_status_details import ComponentStatusDetails
from .compute_implied_volatility_json_body import ComputeImpliedVolatilityJsonBody
from .compute_implied_volatility_json_body_right_type_0 import ComputeImpliedVolatilityJsonBodyRightType0
from .compute_implied_volatility_json_body_right_type_1_item import ComputeImpliedVolatilityJsonBodyRightType1Item
from .compute_option_greeks_json_body import ComputeOptionGreeksJsonBody
from .compute_option_greeks_json_body_right_type_0 import ComputeOptionGreeksJsonBodyRightType0
from .compute_option_greeks_json_body_right_type_1_item import ComputeOptionGreeksJsonBodyRightType1Item
from .compute_out import ComputeOut
from .computed_ratio_out import ComputedRatioOut
from .computed_ratio_out_inputs import ComputedRatioOutInputs
from .computed_ratio_out_unit import ComputedRatioOutUnit
from .connection_in import ConnectionIn
from .connection_out import ConnectionOut
from .connection_test_out import ConnectionTestOut
from .connections_out import ConnectionsOut
from .consensus_out import ConsensusOut
from .consensus_settings_out import ConsensusSettingsOut
from .consumer_restarted_out import ConsumerRestartedOut
from .contract_list_out import ContractListOut
from .contract_out import ContractOut
from .contract_spec_out import ContractSpecOut
from .contribution_in import ContributionIn
from .contribution_in_source import ContributionInSource
from .contribution_list_out import ContributionListOut
from .contribution_out import ContributionOut
from .contributions_out import ContributionsOut
from .control_inventory_out import ControlInventoryOut
from .control_kind import ControlKind
from .control_out import ControlOut
from .control_setting_out import ControlSettingOut
from .control_setting_out_values import ControlSettingOutValues
from .control_test_out import ControlTestOut
from .control_variate_out import ControlVariateOut
from .corporate_action_import_in import CorporateActionImportIn
from .corporate_action_import_in_source import CorporateActionImportInSource
from .corporate_action_import_out import CorporateActionImportOut
from .correlation_in import CorrelationIn
from .correlation_in_volatilities import CorrelationInVolatilities
from .covariance_estimate_out import CovarianceEstimateOut
from .coverage import Coverage
from .crack_spread_in import CrackSpreadIn
from .crack_spread_out import CrackSpreadOut
from .crack_spread_out_conventions import CrackSpreadOutConventions
from .create_user_in import CreateUserIn
from .create_user_in_role import CreateUserInRole
from .created_api_key_out import CreatedApiKeyOut
from .criteria_out import CriteriaOut
from .criterion_out import CriterionOut
from .crypto_asset_in import CryptoAssetIn
from .crypto_asset_total_out import CryptoAssetTotalOut
from .crypto_chain_block_out import CryptoChainBlockOut
from .crypto_holding_out import CryptoHoldingOut
from .crypto_in import CryptoIn
from .crypto_out import CryptoOut
from .crypto_portfolio_out import CryptoPortfolioOut
from .crypto_portfolio_out_conventions import CryptoPortfolioOutConventions
from .crypto_wallet_change_in import CryptoWalletChangeIn
from .crypto_wallet_in import CryptoWalletIn
from .crypto_wallet_list_out import CryptoWalletListOut
from .crypto_wallet_out import CryptoWalletOut
from .csv_invalid_problem import CsvInvalidProblem
from .csv_row_error_out import CsvRowErrorOut
from .curve_point_out import CurvePointOut
from .daf_fund_out import DafFundOut
from .daf_funds_out import DafFundsOut
from .daf_funds_out_conventions import DafFundsOutConventions
from .daf_grant_in import DafGrantIn
from .daf_grant_out import DafGrantOut
from .data_out import DataOut
from .data_source import DataSource
from .deadline_in import DeadlineIn
from .deadline_out import DeadlineOut
from .decision_page_out import DecisionPageOut
from .deleverage_in import DeleverageIn
from .deleverage_plan_out import DeleveragePlanOut
from .deleverage_step_out import DeleverageStepOut
from .delivery_out import DeliveryOut
from .delivery_page_out import DeliveryPageOut
from .delivery_status import DeliveryStatus
from .denied_out import DeniedOut
from .depth_level_out import DepthLevelOut
from .depth_out import DepthOut
from .detection_out import DetectionOut
from .detection_out_scores import DetectionOutScores
from .device_out import DeviceOut
from .device_rename_in import DeviceRenameIn
from .devices_out import DevicesOut
from .direction import Direction
from .document_kind import DocumentKind
from .domain_agents_heartbeat_liveness import DomainAgentsHeartbeatLiveness
from .donation_in import DonationIn
from .donation_in_donee_kind import DonationInDoneeKind
from .donation_in_kind import DonationInKind
from .donation_receipt_out import DonationReceiptOut
from .donation_receipt_out_conventions import DonationReceiptOutConventions
from .donation_receipt_page_out import DonationReceiptPageOut
from .drawdown_out import DrawdownOut
from .drift_out import DriftOut
from .drift_view_out import DriftViewOut
from .drill_run_out import DrillRunOut
from .drill_runs_out import DrillRunsOut
from .drill_schedule_in import DrillScheduleIn
from .drill_schedule_out import DrillScheduleOut
from .drill_schedule_patch import DrillSchedulePatch
from .drill_schedules_out import DrillSchedulesOut
from .drill_venue_out import DrillVenueOut
from .element_state import ElementState
from .employer_match_in import EmployerMatchIn
from .employer_match_out import EmployerMatchOut
from .endpoint_in import EndpointIn
from .endpoint_in_channel import EndpointInChannel
from .endpoint_list_out import EndpointListOut
from .endpoint_out import EndpointOut
from .endpoint_patch_in import EndpointPatchIn
from .entry_in import EntryIn
from .entry_out import EntryOut
from .equity_out import EquityOut
from .erasure_in import ErasureIn
from .erasure_out import ErasureOut
from .esg_breach_out import EsgBreachOut
from .esg_carbon_out import EsgCarbonOut
from .esg_carbon_out_conventions import EsgCarbonOutConventions
from .esg_coverage_out import EsgCoverageOut
from .esg_dataset_out import EsgDatasetOut
from .esg_holding_carbon_out import EsgHoldingCarbonOut
from .esg_holding_in import EsgHoldingIn
from .esg_holding_score_out import EsgHoldingScoreOut
from .esg_holdings_source_out import EsgHoldingsSourceOut
from .esg_issuer_out import EsgIssuerOut
from .esg_issuer_out_revenue_shares import EsgIssuerOutRevenueShares
from .esg_query_in import EsgQueryIn
from .esg_score_out import EsgScoreOut
from .esg_score_out_conventions import EsgScoreOutConventions
from .esg_screen_in import EsgScreenIn
from .esg_screen_in_thresholds_type_0 import EsgScreenInThresholdsType0
from .esg_screen_out import EsgScreenOut
from .esg_screen_out_by_category import EsgScreenOutByCategory
from .esg_screen_out_conventions import EsgScreenOutConventions
from .esg_screen_out_thresholds import EsgScreenOutThresholds
from .esg_screened_holding_out import EsgScreenedHoldingOut
from .estate_tax_in import EstateTaxIn
from .estate_tax_out import EstateTaxOut
from .evidence_pack_out import EvidencePackOut
from .evidence_pack_out_content import EvidencePackOutContent
from .evidence_verify_in import EvidenceVerifyIn
from .evidence_verify_in_content import EvidenceVerifyInContent
from .evidence_verify_out import EvidenceVerifyOut
from .evm_chain_out import EvmChainOut
from .evm_chains_out import EvmChainsOut
from .evm_wallet_in import EvmWalletIn
from .evm_wallet_out import EvmWalletOut
from .excluded_account_out import ExcludedAccountOut
from .excluded_out import ExcludedOut
from .exclusion_out import ExclusionOut
from .execution_out import ExecutionOut
from .exit_in import ExitIn
from .exit_out import ExitOut
from .expiry_out import ExpiryOut
from .export_order_attribution_format import ExportOrderAttributionFormat
from .external_signal_in import ExternalSignalIn
from .external_signal_out import ExternalSignalOut
from .factor_model_out import FactorModelOut
from .failover_in import FailoverIn
from .failover_out import FailoverOut
from .fan_chart_row_out import FanChartRowOut
from .fan_out import FanOut
from .fear_greed_in import FearGreedIn
from .fear_greed_in_history import FearGreedInHistory
from .fear_greed_in_inputs import FearGreedInInputs
from .fear_greed_in_weights_type_0 import FearGreedInWeightsType0
from .fear_greed_out import FearGreedOut
from .fear_greed_out_conventions import FearGreedOutConventions
from .fear_greed_out_weights import FearGreedOutWeights
from .field_error import FieldError
from .fitted_weight_out import FittedWeightOut
from .fold_out import FoldOut
from .form_13f_in import Form13FIn
from .form_13f_in_prices_type_0 import Form13FInPricesType0
from .form_13f_out import Form13FOut
from .form_13f_out_conventions import Form13FOutConventions
from .fresh_quote_out import FreshQuoteOut
from .fund_in import FundIn
from .fund_out import FundOut
from .fundamentals_out import FundamentalsOut
from .futures_curve_in import FuturesCurveIn
from .futures_curve_point_out import FuturesCurvePointOut
from .futures_quote_in import FuturesQuoteIn
from .gas_cheapest_window_out import GasCheapestWindowOut
from .gas_fees_out import GasFeesOut
from .gas_fees_out_conventions import GasFeesOutConventions
from .gas_hour_out import GasHourOut
from .gas_in import GasIn
from .gas_out import GasOut
from .gas_out_conventions import GasOutConventions
from .gas_spike_out import GasSpikeOut
from .get_control_inventory_format import GetControlInventoryFormat
from .get_evidence_pack_format import GetEvidencePackFormat
from .get_statements_period import GetStatementsPeriod
from .gex_out import GexOut
from .gex_strike_out import GexStrikeOut
from .giving_carryover_in import GivingCarryoverIn
from .giving_carryover_in_category import GivingCarryoverInCategory
from .giving_carryover_out import GivingCarryoverOut
from .giving_carryover_use_out import GivingCarryoverUseOut
from .giving_carryovers_in import GivingCarryoversIn
from .giving_carryovers_out import GivingCarryoversOut
from .giving_cash_room_out import GivingCashRoomOut
from .giving_deduction_in import GivingDeductionIn
from .giving_deduction_in_agi import GivingDeductionInAgi
from .giving_deduction_line_out import GivingDeductionLineOut
from .giving_deduction_out import GivingDeductionOut
from .giving_deduction_out_conventions import GivingDeductionOutConventions
from .giving_suggestion_in import GivingSuggestionIn
from .giving_suggestion_out import GivingSuggestionOut
from .giving_suggestion_out_conventions import GivingSuggestionOutConventions
from .giving_year_out import GivingYearOut
from .global_scope_in import GlobalScopeIn
from .global_scope_in_id_type_1 import GlobalScopeInIdType1
from .global_scope_in_id_type_2_type_1 import GlobalScopeInIdType2Type1
from .global_scope_in_id_type_3_type_1 import GlobalScopeInIdType3Type1
from .grant_out import GrantOut
from .grants_out import GrantsOut
from .greeks_out import GreeksOut
from .greeks_out_units import GreeksOutUnits
from .group_lag_out import GroupLagOut
from .harvest_blocked_lot_out import HarvestBlockedLotOut
from .harvest_candidate_out import HarvestCandidateOut
from .harvest_correlation_out import HarvestCorrelationOut
from .harvest_in import HarvestIn
from .harvest_in_filing_status_type_1 import HarvestInFilingStatusType1
from .harvest_in_filing_status_type_2_type_1 import HarvestInFilingStatusType2Type1
from .harvest_in_filing_status_type_3_type_1 import HarvestInFilingStatusType3Type1
from .harvest_lot_pick_out import HarvestLotPickOut
from .harvest_out import HarvestOut
from .harvest_projection_out import HarvestProjectionOut
from .harvest_replacement_out import HarvestReplacementOut
from .harvest_scenario_out import HarvestScenarioOut
from .harvest_skipped_lot_out import HarvestSkippedLotOut
from .harvest_wash_block_out import HarvestWashBlockOut
from .headroom_out import HeadroomOut
from .heartbeat_in import HeartbeatIn
from .held_correlation_out import HeldCorrelationOut
from .held_job_out import HeldJobOut
from .held_order_out import HeldOrderOut
from .held_orders_out import HeldOrdersOut
from .hill_out import HillOut
from .history_fit_out import HistoryFitOut
from .history_out import HistoryOut
from .history_out_components import HistoryOutComponents
from .history_out_conventions import HistoryOutConventions
from .holding_account_out import HoldingAccountOut
from .holding_account_out_cash import HoldingAccountOutCash
from .holding_in import HoldingIn
from .holding_part_out import HoldingPartOut
from .holding_position_out import HoldingPositionOut
from .holding_shock_out import HoldingShockOut
from .holdings_conventions_out import HoldingsConventionsOut
from .holdings_out import HoldingsOut
from .homeostasis_out import HomeostasisOut
from .hype_keyword_out import HypeKeywordOut
from .hype_out import HypeOut
from .hype_reading_out import HypeReadingOut
from .hype_reading_out_conventions import HypeReadingOutConventions
from .hype_reading_out_engagement_weights import HypeReadingOutEngagementWeights
from .illiquid_asset_detail_out import IlliquidAssetDetailOut
from .illiquid_asset_detail_out_conventions import IlliquidAssetDetailOutConventions
from .illiquid_asset_in import IlliquidAssetIn
from .illiquid_asset_out import IlliquidAssetOut
from .illiquid_asset_page_out import IlliquidAssetPageOut
from .impermanent_loss_in import ImpermanentLossIn
from .impermanent_loss_out import ImpermanentLossOut
from .impermanent_loss_out_conventions import ImpermanentLossOutConventions
from .implied_vol_out import ImpliedVolOut
from .implied_vol_out_reasons import ImpliedVolOutReasons
from .implied_vol_out_units import ImpliedVolOutUnits
from .import_report_out import ImportReportOut
from .importance_sampling_out import ImportanceSamplingOut
from .in_doubt_out import InDoubtOut
from .income_statement_out import IncomeStatementOut
from .indicator_out import IndicatorOut
from .indicator_out_columns import IndicatorOutColumns
from .inference_out import InferenceOut
from .inflation_beta_out import InflationBetaOut
from .info_table_out import InfoTableOut
from .insider_transaction_out import InsiderTransactionOut
from .insider_transactions_out import InsiderTransactionsOut
from .instrument_in import InstrumentIn
from .instrument_in_asset_class import InstrumentInAssetClass
from .instrument_out import InstrumentOut
from .instrument_page_out import InstrumentPageOut
from .instrument_patch_in import InstrumentPatchIn
from .investor_in import InvestorIn
from .investor_profile_in import InvestorProfileIn
from .investor_profile_in_filing_status import InvestorProfileInFilingStatus
from .investor_profile_in_risk_tolerance_type_1 import InvestorProfileInRiskToleranceType1
from .investor_profile_in_risk_tolerance_type_2_type_1 import InvestorProfileInRiskToleranceType2Type1
from .investor_profile_in_risk_tolerance_type_3_type_1 import InvestorProfileInRiskToleranceType3Type1
from .investor_profile_out import InvestorProfileOut
from .invitation_in import InvitationIn
from .invitation_in_role import InvitationInRole
from .invitation_out import InvitationOut
from .invitations_out import InvitationsOut
from .issued_invitation_out import IssuedInvitationOut
from .iv_rank_out import IVRankOut
from .job_leases_out import JobLeasesOut
from .kafka_disabled_out import KafkaDisabledOut
from .kafka_report_out import KafkaReportOut
from .key_access_list_out import KeyAccessListOut
from .key_access_out import KeyAccessOut
from .keys_out import KeysOut
from .keyword_out import KeywordOut
from .keywords_in import KeywordsIn
from .keywords_out import KeywordsOut
from .kill_switch_event_out import KillSwitchEventOut
from .kill_switch_events_out import KillSwitchEventsOut
from .kill_switch_status_out import KillSwitchStatusOut
from .ks_out import KsOut
from .kyc_document_out import KycDocumentOut
from .kyc_page_out import KycPageOut
from .kyc_provider_out import KycProviderOut
from .kyc_review_in import KycReviewIn
from .kyc_review_in_status import KycReviewInStatus
from .kyc_status_out import KycStatusOut
from .kyc_upload_form import KycUploadForm
from .kyc_webhook_ack_out import KycWebhookAckOut
from .ladder_in import LadderIn
from .ladder_out import LadderOut
from .ladder_out_units import LadderOutUnits
from .ladder_position_out import LadderPositionOut
from .ladder_shock_out import LadderShockOut
from .ledger_lot_pick_in import LedgerLotPickIn
from .ledger_lot_pick_out import LedgerLotPickOut
from .ledger_risk_conventions_out import LedgerRiskConventionsOut
from .ledger_risk_holding_out import LedgerRiskHoldingOut
from .ledger_risk_income_out import LedgerRiskIncomeOut
from .ledger_risk_out import LedgerRiskOut
from .ledger_transaction_in import LedgerTransactionIn
from .ledger_transaction_out import LedgerTransactionOut
from .ledger_transaction_page_out import LedgerTransactionPageOut
from .left_out_holding_out import LeftOutHoldingOut
from .left_out_security_out import LeftOutSecurityOut
from .level_gap_out import LevelGapOut
from .limit_in import LimitIn
from .limit_out import LimitOut
from .liquid_asset_in import LiquidAssetIn
from .liquidity_day_out import LiquidityDayOut
from .liquidity_in import LiquidityIn
from .liquidity_in_liquidity_type_0 import LiquidityInLiquidityType0
from .liquidity_out import LiquidityOut
from .liquidity_out_conventions import LiquidityOutConventions
from .liquidity_source_out import LiquiditySourceOut
from .liquidity_terms_in import LiquidityTermsIn
from .list_audit_entries_format import ListAuditEntriesFormat
from .list_role_defaults_response_200 import ListRoleDefaultsResponse200
from .live_opt_in_in import LiveOptInIn
from .live_opt_in_list_out import LiveOptInListOut
from .live_opt_in_out import LiveOptInOut
from .live_opt_in_record_out import LiveOptInRecordOut
from .live_status import LiveStatus
from .login_in import LoginIn
from .logout_in import LogoutIn
from .lot_method import LotMethod
from .lp_position_out import LpPositionOut
from .lp_position_point_out import LpPositionPointOut
from .macro_dashboard_out import MacroDashboardOut
from .macro_dashboard_out_conventions import MacroDashboardOutConventions
from .macro_dashboard_out_spreads import MacroDashboardOutSpreads
from .macro_dashboard_out_yields import MacroDashboardOutYields
from .macro_figure_out import MacroFigureOut
from .macro_point_out import MacroPointOut
from .macro_reading_out import MacroReadingOut
from .macro_scenario_in import MacroScenarioIn
from .macro_scenario_in_shocks import MacroScenarioInShocks
from .macro_series_out import MacroSeriesOut
from .managed_user_out import ManagedUserOut
from .margin_impact_out import MarginImpactOut
from .margin_status_out import MarginStatusOut
from .match_tier_in import MatchTierIn
from .match_tier_out import MatchTierOut
from .member_halt_out import MemberHaltOut
from .member_out import MemberOut
from .mention_out import MentionOut
from .metrics_out import MetricsOut
from .mfa_enrollment_out import MfaEnrollmentOut
from .mfa_verify_in import MfaVerifyIn
from .mode import Mode
from .model_in import ModelIn
from .model_in_regimes import ModelInRegimes
from .model_out import ModelOut
from .model_out_metrics import ModelOutMetrics
from .model_record_out import ModelRecordOut
from .models_out import ModelsOut
from .moments_out import MomentsOut
from .monte_carlo_compute_out import MonteCarloComputeOut
from .monte_carlo_conventions_out import MonteCarloConventionsOut
from .monte_carlo_conventions_out_returns import MonteCarloConventionsOutReturns
from .monte_carlo_in import MonteCarloIn
from .monte_carlo_out import MonteCarloOut
from .month_end_value_in import MonthEndValueIn
from .movers_out import MoversOut
from .movers_out_conventions import MoversOutConventions
from .movers_out_engagement_weights import MoversOutEngagementWeights
from .net_insider_buying_out import NetInsiderBuyingOut
from .net_insider_buying_out_conventions import NetInsiderBuyingOutConventions
from .net_insider_out import NetInsiderOut
from .news_item_out import NewsItemOut
from .notification_out import NotificationOut
from .notification_out_data import NotificationOutData
from .notification_page_out import NotificationPageOut
from .open_lot_out import OpenLotOut
from .optimization_out import OptimizationOut
from .optimization_out_conventions import OptimizationOutConventions
from .optimize_portfolio_optimization_in import OptimizePortfolioOptimizationIn
from .optimize_portfolio_optimization_in_benchmark_type_0 import OptimizePortfolioOptimizationInBenchmarkType0
from .optimize_portfolio_optimization_in_bounds_type_0 import OptimizePortfolioOptimizationInBoundsType0
from .optimize_portfolio_optimization_in_bounds_type_0_bound_in import OptimizePortfolioOptimizationInBoundsType0BoundIn
from .optimize_portfolio_optimization_in_current_weights_type_0 import OptimizePortfolioOptimizationInCurrentWeightsType0
from .optimize_portfolio_optimization_in_market_caps_type_0 import OptimizePortfolioOptimizationInMarketCapsType0
from .optimize_portfolio_optimization_in_market_weights_type_0 import OptimizePortfolioOptimizationInMarketWeightsType0
from .optimize_portfolio_optimization_in_risk_budgets_type_0 import OptimizePortfolioOptimizationInRiskBudgetsType0
from .optimize_portfolio_optimization_in_sector_limits_type_0 import OptimizePortfolioOptimizationInSectorLimitsType0
from .optimize_portfolio_optimization_in_sector_limits_type_0_bound_in import OptimizePortfolioOptimizationInSectorLimitsType0BoundIn
from .optimize_portfolio_optimization_in_sectors_type_0 import OptimizePortfolioOptimizationInSectorsType0
from .optimize_portfolio_optimization_in_view_in import OptimizePortfolioOptimizationInViewIn
from .optimize_portfolio_optimization_in_view_in_weights import OptimizePortfolioOptimizationInViewInWeights
from .optimized_portfolio_out import OptimizedPortfolioOut
from .optimized_weight_out import OptimizedWeightOut
from .order_attribution_out import OrderAttributionOut
from .order_attribution_row_out import OrderAttributionRowOut
from .order_drift_out import OrderDriftOut
from .order_in import OrderIn
from .order_out import OrderOut
from .order_page_out import OrderPageOut
from .order_placed import OrderPlaced
from .order_status import OrderStatus
from .order_type import OrderType
from .out_of_sample_out import OutOfSampleOut
from .paper_faults_in import PaperFaultsIn
from .paper_faults_out import PaperFaultsOut
from .partition_lag_out import PartitionLagOut
from .passcode_change_in import PasscodeChangeIn
from .password_change_in import PasswordChangeIn
from .password_reset_confirm_in import PasswordResetConfirmIn
from .password_reset_in import PasswordResetIn
from .pattern import Pattern
from .percentile_fee_out import PercentileFeeOut
from .performance_conventions_out import PerformanceConventionsOut
from .performance_out import PerformanceOut
from .period import Period
from .period_out import PeriodOut
from .period_record_out import PeriodRecordOut
from .planning_profile_in import PlanningProfileIn
from .planning_profile_out import PlanningProfileOut
from .policy_in import PolicyIn
from .policy_out import PolicyOut
from .pool_drain_alert_out import PoolDrainAlertOut
from .pool_drain_in import PoolDrainIn
from .pool_drain_out import PoolDrainOut
from .pool_drain_out_conventions import PoolDrainOutConventions
from .pool_range_in import PoolRangeIn
from .portfolio_account_in import PortfolioAccountIn
from .portfolio_account_in_kind import PortfolioAccountInKind
from .portfolio_account_out import PortfolioAccountOut
from .portfolio_bonds_out import PortfolioBondsOut
from .portfolio_bonds_out_units import PortfolioBondsOutUnits
from .portfolio_import_out import PortfolioImportOut
from .portfolio_import_out_by_account import PortfolioImportOutByAccount
from .portfolio_import_out_by_kind import PortfolioImportOutByKind
from .portfolio_in import PortfolioIn
from .portfolio_out import PortfolioOut
from .portfolio_page_out import PortfolioPageOut
from .portfolio_performance_out import PortfolioPerformanceOut
from .portfolio_risk_in import PortfolioRiskIn
from .portfolio_risk_out import PortfolioRiskOut
from .portfolio_risk_out_returns_source_type_1 import PortfolioRiskOutReturnsSourceType1
from .portfolio_risk_out_returns_source_type_2_type_1 import PortfolioRiskOutReturnsSourceType2Type1
from .portfolio_risk_out_returns_source_type_3_type_1 import PortfolioRiskOutReturnsSourceType3Type1
from .position_change_out import PositionChangeOut
from .position_drift_out import PositionDriftOut
from .position_list_out import PositionListOut
from .position_margin_out import PositionMarginOut
from .position_out import PositionOut
from .position_pnl_out import PositionPnlOut
from .predict_in import PredictIn
from .predict_in_inputs import PredictInInputs
from .predict_out import PredictOut
from .predict_out_outputs import PredictOutOutputs
from .preferences_io import PreferencesIO
from .preferences_io_channels import PreferencesIOChannels
from .preferences_io_digest_minutes import PreferencesIODigestMinutes
from .price_alert_in import PriceAlertIn
from .price_alert_list_out import PriceAlertListOut
from .price_alert_note_in import PriceAlertNoteIn
from .price_alert_out import PriceAlertOut
from .price_history_in import PriceHistoryIn
from .private_equity_in import PrivateEquityIn
from .private_equity_out import PrivateEquityOut
from .problem import Problem
from .prong_out import ProngOut
from .proposal_in import ProposalIn
from .proposal_out import ProposalOut
from .proposal_out_wash_free_after import ProposalOutWashFreeAfter
from .provider_out import ProviderOut
from .providers_out import ProvidersOut
from .pump_out import PumpOut
from .pump_out_last_quote_at import PumpOutLastQuoteAt
from .push_keys_in import PushKeysIn
from .push_subscription_in import PushSubscriptionIn
from .put_call_out import PutCallOut
from .quality_out import QualityOut
from .quiet_hours_io import QuietHoursIO
from .rate_limit_out import RateLimitOut
from .rate_observation_out import RateObservationOut
from .rate_series_page_out import RateSeriesPageOut
from .ratio_out import RatioOut
from .read_all_out import ReadAllOut
from .ready_out import ReadyOut
from .rebalance_drift_out import RebalanceDriftOut
from .rebalance_lot_sale_out import RebalanceLotSaleOut
from .rebalance_order_out import RebalanceOrderOut
from .rebalance_symbol_drift_out import RebalanceSymbolDriftOut
from .rebalance_trade_out import RebalanceTradeOut
from .rebalance_trade_out_side import RebalanceTradeOutSide
from .rebalance_unresolved_out import RebalanceUnresolvedOut
from .reconciliation_out import ReconciliationOut
from .recovery_in import RecoveryIn
from .recovery_out import RecoveryOut
from .recovery_out_conventions import RecoveryOutConventions
from .refit_out import RefitOut
from .refresh_in import RefreshIn
from .regime import Regime
from .regime_change_out import RegimeChangeOut
from .regime_change_out_after import RegimeChangeOutAfter
from .regime_change_out_before import RegimeChangeOutBefore
from .regime_effects_out import RegimeEffectsOut
from .regime_out import RegimeOut
from .regime_out_conventions import RegimeOutConventions
from .regime_out_cross import RegimeOutCross
from .regime_out_label import RegimeOutLabel
from .regime_out_scores import RegimeOutScores
from .regime_override_in import RegimeOverrideIn
from .regime_period_out import RegimePeriodOut
from .regime_period_out_regime import RegimePeriodOutRegime
from .regime_segment_out import RegimeSegmentOut
from .regime_segment_out_regime import RegimeSegmentOutRegime
from .regime_shifts_out import RegimeShiftsOut
from .regime_shifts_out_series import RegimeShiftsOutSeries
from .reit_in import ReitIn
from .reits_in import ReitsIn
from .reits_out import ReitsOut
from .reits_out_sector_weights import ReitsOutSectorWeights
from .reits_out_sectors import ReitsOutSectors
from .reject_held_in import RejectHeldIn
from .reminders_in import RemindersIn
from .reminders_out import RemindersOut
from .replay_catalog_out import ReplayCatalogOut
from .replay_catalog_out_units import ReplayCatalogOutUnits
from .replay_out import ReplayOut
from .replay_out_shocks import ReplayOutShocks
from .requirement_out import RequirementOut
from .requirement_part_out import RequirementPartOut
from .reset_requested_out import ResetRequestedOut
from .result_out import ResultOut
from .result_out_open_positions import ResultOutOpenPositions
from .resume_in import ResumeIn
from .resume_in_to_state import ResumeInToState
from .retained_out import RetainedOut
from .retired_key_out import RetiredKeyOut
from .retirement_limits_out import RetirementLimitsOut
from .retirement_limits_out_roth_phase_out import RetirementLimitsOutRothPhaseOut
from .retirement_plan_in import RetirementPlanIn
from .retirement_plan_in_kind import RetirementPlanInKind
from .retirement_plan_out import RetirementPlanOut
from .retirement_source_out import RetirementSourceOut
from .return_stats_out import ReturnStatsOut
from .review_out import ReviewOut
from .review_out_figures import ReviewOutFigures
from .review_reason_out import ReviewReasonOut
from .risk_row_out import RiskRowOut
from .risk_row_out_method import RiskRowOutMethod
from .risk_sizing_in import RiskSizingIn
from .risk_sizing_out import RiskSizingOut
from .rmd_in import RmdIn
from .rmd_out import RmdOut
from .role_in import RoleIn
from .role_in_role import RoleInRole
from .room_in import RoomIn
from .room_in_account_type import RoomInAccountType
from .room_in_filing_status_type_1 import RoomInFilingStatusType1
from .room_in_filing_status_type_2_type_1 import RoomInFilingStatusType2Type1
from .room_in_filing_status_type_3_type_1 import RoomInFilingStatusType3Type1
from .room_out import RoomOut
from .rotate_in import RotateIn
from .rotation_out import RotationOut
from .rotation_out_counts import RotationOutCounts
from .roth_conversion_in import RothConversionIn
from .roth_conversion_in_filing_status_type_1 import RothConversionInFilingStatusType1
from .roth_conversion_in_filing_status_type_2_type_1 import RothConversionInFilingStatusType2Type1
from .roth_conversion_in_filing_status_type_3_type_1 import RothConversionInFilingStatusType3Type1
from .roth_conversion_out import RothConversionOut
from .ruin_by_year_out import RuinByYearOut
from .rule_in import RuleIn
from .rule_in_params import RuleInParams
from .rule_list_out import RuleListOut
from .rule_out import RuleOut
from .rule_out_params import RuleOutParams
from .rule_scope import RuleScope
from .rule_test_in import RuleTestIn
from .rule_test_out import RuleTestOut
from .rule_type import RuleType
from .run_in import RunIn
from .sahm_out import SahmOut
from .scenario_compute_out import ScenarioComputeOut
from .scenario_in import ScenarioIn
from .scenario_out import ScenarioOut
from .scenario_out_conventions import ScenarioOutConventions
from .scenario_out_regime_occupancy import ScenarioOutRegimeOccupancy
from .scenario_out_regime_source import ScenarioOutRegimeSource
from .scenario_result_out import ScenarioResultOut
from .scenario_result_out_by_factor import ScenarioResultOutByFactor
from .scenario_result_out_shocks import ScenarioResultOutShocks
from .scope_kind import ScopeKind
from .scope_out import ScopeOut
from .scope_state_out import ScopeStateOut
from .scopes_out import ScopesOut
from .sector_weight_out import SectorWeightOut
from .security_in import SecurityIn
from .sensitivities_in import SensitivitiesIn
from .sentiment_in import SentimentIn
from .sentiment_out import SentimentOut
from .sentiment_result_out import SentimentResultOut
from .sentiment_result_out_probabilities import SentimentResultOutProbabilities
from .series_out import SeriesOut
from .session_out import SessionOut
from .shock_in import ShockIn
from .shock_in_beta_proxies_type_0 import ShockInBetaProxiesType0
from .shock_in_sensitivities import ShockInSensitivities
from .shock_out import ShockOut
from .shock_out_conventions import ShockOutConventions
from .side import Side
from .signal_model_out import SignalModelOut
from .signal_models_out import SignalModelsOut
from .signal_out import SignalOut
from .signal_out_details import SignalOutDetails
from .signal_page_out import SignalPageOut
from .signup_in import SignupIn
from .sizing_inputs_out import SizingInputsOut
from .sizing_method import SizingMethod
from .skipped_action_out import SkippedActionOut
from .skipped_holding_out import SkippedHoldingOut
from .skipped_out import SkippedOut
from .sleeve_out import SleeveOut
from .source_in import SourceIn
from .source_in_round_out import SourceInRoundOut
from .source_keys_out import SourceKeysOut
from .source_keys_out_labels import SourceKeysOutLabels
from .source_out import SourceOut
from .source_quality_out import SourceQualityOut
from .spread_out import SpreadOut
from .standing_out import StandingOut
from .statement_ratios_out import StatementRatiosOut
from .statements_out import StatementsOut
from .statements_out_period import StatementsOutPeriod
from .status import Status
from .status_out import StatusOut
from .status_out_settings import StatusOutSettings
from .step_up_in import StepUpIn
from .stored_attribution_in import StoredAttributionIn
from .stored_attribution_in_factors import StoredAttributionInFactors
from .stored_attribution_in_linking import StoredAttributionInLinking
from .stored_attribution_out import StoredAttributionOut
from .stored_attribution_out_linked_by_sector import StoredAttributionOutLinkedBySector
from .stored_attribution_source_out import StoredAttributionSourceOut
from .stored_attribution_source_out_period import StoredAttributionSourceOutPeriod
from .stored_conversion_in import StoredConversionIn
from .stored_conversion_in_filing_status_type_1 import StoredConversionInFilingStatusType1
from .stored_conversion_in_filing_status_type_2_type_1 import StoredConversionInFilingStatusType2Type1
from .stored_conversion_in_filing_status_type_3_type_1 import StoredConversionInFilingStatusType3Type1
from .stored_conversion_out import StoredConversionOut
from .stored_effects_out import StoredEffectsOut
from .stored_factor_out import StoredFactorOut
from .stored_factor_out_betas import StoredFactorOutBetas
from .stored_factor_out_contributions import StoredFactorOutContributions
from .stored_history_out import StoredHistoryOut
from .stored_inputs_out import StoredInputsOut
from .stored_inputs_out_sources import StoredInputsOutSources
from .stored_liquid_asset_out import StoredLiquidAssetOut
from .stored_match_in import StoredMatchIn
from .stored_match_out import StoredMatchOut
from .stored_rmd_in import StoredRmdIn
from .stored_rmd_out import StoredRmdOut
from .stored_room_in import StoredRoomIn
from .stored_room_in_filing_status_type_1 import StoredRoomInFilingStatusType1
from .stored_room_in_filing_status_type_2_type_1 import StoredRoomInFilingStatusType2Type1
from .stored_room_in_filing_status_type_3_type_1 import StoredRoomInFilingStatusType3Type1
from .stored_room_out import StoredRoomOut
from .stored_source_out import StoredSourceOut
from .strategies_decision_out import StrategiesDecisionOut
from .strategies_sizing_in import StrategiesSizingIn
from .strategies_sizing_out import StrategiesSizingOut
from .strategy_in import StrategyIn
from .strategy_mode import StrategyMode
from .strategy_out import StrategyOut
from .strategy_patch_in import StrategyPatchIn
from .stress_position_in import StressPositionIn
from .succession_status import SuccessionStatus
from .succession_status_out import SuccessionStatusOut
from .surveillance_alert_out import SurveillanceAlertOut
from .surveillance_alert_out_observed import SurveillanceAlertOutObserved
from .surveillance_alert_out_thresholds import SurveillanceAlertOutThresholds
from .surveillance_alert_page_out import SurveillanceAlertPageOut
from .surveillance_evidence_out import SurveillanceEvidenceOut
from .surveillance_evidence_out_fills_item import SurveillanceEvidenceOutFillsItem
from .surveillance_evidence_out_orders_item import SurveillanceEvidenceOutOrdersItem
from .sweep_out import SweepOut
from .symbol_betas_out import SymbolBetasOut
from .symbol_sentiment_out import SymbolSentimentOut
from .symbol_sentiment_out_shares import SymbolSentimentOutShares
from .sync_report_out import SyncReportOut
from .tail_fit_out import TailFitOut
from .tail_index_out import TailIndexOut
from .tail_out import TailOut
from .tax_bracket_in import TaxBracketIn
from .tax_bracket_out import TaxBracketOut
from .tax_brackets_in import TaxBracketsIn
from .tax_conventions_out import TaxConventionsOut
from .tax_conventions_out_lot_methods import TaxConventionsOutLotMethods
from .tax_lot_out import TaxLotOut
from .tax_lot_page_out import TaxLotPageOut
from .tax_rates_out import TaxRatesOut
from .tax_realized_lot_out import TaxRealizedLotOut
from .tax_realized_page_out import TaxRealizedPageOut
from .tax_realized_totals_out import TaxRealizedTotalsOut
from .tax_term_totals_out import TaxTermTotalsOut
from .tax_wash_sale_out import TaxWashSaleOut
from .tax_wash_sale_page_out import TaxWashSalePageOut
from .tax_year_out import TaxYearOut
from .tensor_out import TensorOut
from .term import Term
from .term_structure_out import TermStructureOut
from .term_structure_out_conventions import TermStructureOutConventions
from .test_outcome_out import TestOutcomeOut
from .threshold_in import ThresholdIn
from .threshold_out import ThresholdOut
from .thresholds_out import ThresholdsOut
from .time_in_force import TimeInForce
from .timeframe import Timeframe
from .token_out import TokenOut
from .topic_out import TopicOut
from .trade_in import TradeIn
from .trade_out import TradeOut
from .trade_stats_out import TradeStatsOut
from .trading_state import TradingState
from .trading_type import TradingType
from .transaction_kind import TransactionKind
from .transaction_source import TransactionSource
from .transition_out import TransitionOut
from .treasury_curve_point_out import TreasuryCurvePointOut
from .treasury_curve_value_out import TreasuryCurveValueOut
from .treasury_inversion_period_out import TreasuryInversionPeriodOut
from .treasury_inversions_out import TreasuryInversionsOut
from .treasury_inversions_out_conventions import TreasuryInversionsOutConventions
from .treasury_spread_inversions_out import TreasurySpreadInversionsOut
from .treasury_spread_out import TreasurySpreadOut
from .turnover_out import TurnoverOut
from .unconfirmed_order_out import UnconfirmedOrderOut
from .unread_counts_out import UnreadCountsOut
from .unread_counts_out_by_type import UnreadCountsOutByType
from .unreadable_out import UnreadableOut
from .user_out import UserOut
from .users_out import UsersOut
from .va_r_level_out import VaRLevelOut
from .va_r_out import VaROut
from .validation_out import ValidationOut
from .valuation_in import ValuationIn
from .valuation_out import ValuationOut
from .valuation_point_out import ValuationPointOut
from .var_in import VarIn
from .var_in_methods_item import VarInMethodsItem
from .var_out import VarOut
from .var_out_conventions import VarOutConventions
from .var_out_source import VarOutSource
from .var_out_unit import VarOutUnit
from .variance_reduction_out import VarianceReductionOut
from .variance_reduction_out_conventions import VarianceReductionOutConventions
from .vault_key_in import VaultKeyIn
from .vault_key_list_out import VaultKeyListOut
from .vault_key_out import VaultKeyOut
from .vault_key_patch_in import VaultKeyPatchIn
from .vault_key_rotate_in import VaultKeyRotateIn
from .venue_sessions_out import VenueSessionsOut
from .verdict_out import VerdictOut
from .vesting_in import VestingIn
from .vesting_in_kind import VestingInKind
from .vesting_out import VestingOut
from .violation_out import ViolationOut
from .wallet_asset_out import WalletAssetOut
from .wallet_balances_in import WalletBalancesIn
from .wallet_balances_out import WalletBalancesOut
from .wallet_balances_out_conventions import WalletBalancesOutConventions
from .weights_out import WeightsOut
from .whale_out import WhaleOut
from .whale_rule_out import WhaleRuleOut
from .whale_thresholds_out import WhaleThresholdsOut
from .workspace_in import WorkspaceIn
from .workspace_in_layout_json import WorkspaceInLayoutJson
from .workspace_out import WorkspaceOut
from .workspace_out_layout_json import WorkspaceOutLayoutJson
from .workspaces_out import WorkspacesOut
from .yield_curve_out import YieldCurveOut
from .yield_curve_out_conventions import YieldCurveOutConventions
from .z_score_method import ZScoreMethod

__all__ = (
    "AbusePattern",
    "AcceptInvitationIn",
    "AccountControlsOut",
    "AccountIn",
    "AccountInBrokerType1",
    "AccountInBrokerType2Type1",
    "AccountInBrokerType3Type1",
    "AccountListOut",
    "AccountOut",
    "AccountOutTargetAllocation",
    "AccountPatchIn",
    "AccountPatchInTargetAllocationType0",
    "AccountReportOut",
    "AccountRulesIn",
    "AccountRulesOut",
    "AccountScopeIn",
    "AccountStatus",
    "AccountTaxType",
    "AccountType",
    "Action",
    "ActivateIn",
    "AdaptersHttpRoutesHealthLiveness",
    "AdoptedOrderOut",
    "AgentHaltIn",
    "AgentIn",
    "AgentOut",
    "AgentScopeIn",
    "AgentsOut",
    "AggregationAccountListOut",
    "AggregationAccountOut",
    "AggregationAttachIn",
    "AggregationExchangeIn",
    "AggregationHoldingListOut",
    "AggregationHoldingOut",
    "AggregationItemListOut",
    "AggregationItemOut",
    "AggregationLinkTokenOut",
    "AggregationSyncOut",
    "AggregationTransactionListOut",
    "AggregationTransactionOut",
    "AggregationWebhookAckOut",
    "AlertOut",
    "AlertReviewIn",
    "AlertReviewInStatus",
    "AlertSeverity",
    "AlertsRelayedOut",
    "AlertStatus",
    "AllocationOut",
    "AlternativesLimitsOut",
    "AmericanIn",
    "AmericanInMethod",
    "AmericanInRightType0",
    "AmericanInRightType1Item",
    "AmericanOut",
    "AmericanOutMethod",
    "AmericanOutUnits",
    "AnalysisOut",
    "AnalysisOutProbabilitiesType0",
    "AnalyzeIn",
    "ApiKeyIn",
    "ApiKeyOut",
    "ApiKeysOut",
    "AppreciationPointOut",
    "ApprovalOut",
    "AssetClass",
    "AssetFitOut",
    "AttributionConstituentIn",
    "AttributionCusumEventOut",
    "AttributionCusumEventOutDirection",
    "AttributionCusumIn",
    "AttributionCusumOut",
    "AttributionCusumOutSigmaSource",
    "AttributionEffectsOut",
    "AttributionIn",
    "AttributionInLinking",
    "AttributionInModel",
    "AttributionInPeriod",
    "AttributionInRegime",
    "AttributionLinkedOut",
    "AttributionLinkedOutMethod",
    "AttributionOut",
    "AttributionOutConventions",
    "AttributionOutModel",
    "AttributionOutUnits",
    "AttributionPeriodIn",
    "AttributionPeriodOut",
    "AttributionSectorIn",
    "AttributionTotalsOut",
    "AuditEntryOut",
    "AuditEntryOutDetails",
    "AuditPageOut",
    "AutopilotIn",
    "AutopilotLimitsIn",
    "AutopilotLimitsOut",
    "BacktestIn",
    "BacktestOut",
    "BacktestPageOut",
    "BacktestRequestOut",
    "BalanceSheetOut",
    "BandOut",
    "BarOut",
    "BarPageOut",
    "BarsOut",
    "BenchmarkConstituentIn",
    "BenchmarkOut",
    "BeneficiariesIn",
    "BeneficiariesOut",
    "BeneficiaryIn",
    "BeneficiaryOut",
    "BetaEstimateOut",
    "BetaEstimateOutBetasType0",
    "BetaEstimationOut",
    "BetaEstimationOutProxies",
    "BinOut",
    "BlackLittermanOut",
    "BlockFeesOut",
    "BondCashFlowOut",
    "BondHoldingOut",
    "BondIn",
    "BondOut",
    "BondOutUnits",
    "BondShockOut",
    "BondSpecIn",
    "BondTermsIn",
    "BondTermsOut",
    "BondTotalsOut",
    "BookControlsOut",
    "BookedActionOut",
    "BookHaltIn",
    "BookHaltOut",
    "BookIn",
    "BookInAliases",
    "BookLimitKind",
    "BookOut",
    "BookOutAliases",
    "BookPatch",
    "BookPatchAliasesType0",
    "BookScopeIn",
    "BookSourceOut",
    "BooksOut",
    "BreakerSettingsOut",
    "BrokerCredentialsIn",
    "BrokerCredentialsOut",
    "BrokerOutcomeOut",
    "BulkReadIn",
    "CalendarOut",
    "CalendarOutCalendars",
    "CalendarSpreadOut",
    "CalibrationOut",
    "CalibrationOutConventionsType0",
    "CalibrationOutStatus",
    "CashFlowOut",
    "ChainBreakOut",
    "ChainHeadOut",
    "ChainOut",
    "ChainReportOut",
    "Channel",
    "CheckOut",
    "ClearedOut",
    "Combine",
    "Combiner",
    "CombinerIn",
    "CombinerReportOut",
    "CommissionIn",
    "CommoditiesIn",
    "CommoditiesOut",
    "CommodityIn",
    "CommonDecisionOut",
    "ComponentOut",
    "ComponentStatus",
    "ComponentStatusDetails",
    "ComputedRatioOut",
    "ComputedRatioOutInputs",
    "ComputedRatioOutUnit",
    "ComputeImpliedVolatilityJsonBody",
    "ComputeImpliedVolatilityJsonBodyRightType0",
    "ComputeImpliedVolatilityJsonBodyRightType1Item",
    "ComputeOptionGreeksJsonBody",
    "ComputeOptionGreeksJsonBodyRightType0",
    "ComputeOptionGreeksJsonBodyRightType1Item",
    "ComputeOut",
    "ConnectionIn",
    "ConnectionOut",
    "ConnectionsOut",
    "ConnectionTestOut",
    "ConsensusOut",
    "ConsensusSettingsOut",
    "ConsumerRestartedOut",
    "ContractListOut",
    "ContractOut",
    "ContractSpecOut",
    "ContributionIn",
    "ContributionInSource",
    "ContributionListOut",
    "ContributionOut",
    "ContributionsOut",
    "ControlInventoryOut",
    "ControlKind",
    "ControlOut",
    "ControlSettingOut",
    "ControlSettingOutValues",
    "ControlTestOut",
    "ControlVariateOut",
    "CorporateActionImportIn",
    "CorporateActionImportInSource",
    "CorporateActionImportOut",
    "CorrelationIn",
    "CorrelationInVolatilities",
    "CovarianceEstimateOut",
    "Coverage",
    "CrackSpreadIn",
    "CrackSpreadOut",
    "CrackSpreadOutConventions",
    "CreatedApiKeyOut",
    "CreateUserIn",
    "CreateUserInRole",
    "CriteriaOut",
    "CriterionOut",
    "CryptoAssetIn",
    "CryptoAssetTotalOut",
    "CryptoChainBlockOut",
    "CryptoHoldingOut",
    "CryptoIn",
    "CryptoOut",
    "CryptoPortfolioOut",
    "CryptoPortfolioOutConventions",
    "CryptoWalletChangeIn",
    "CryptoWalletIn",
    "CryptoWalletListOut",
    "CryptoWalletOut",
    "CsvInvalidProblem",
    "CsvRowErrorOut",
    "CurvePointOut",
    "DafFundOut",
    "DafFundsOut",
    "DafFundsOutConventions",
    "DafGrantIn",
    "DafGrantOut",
    "DataOut",
    "DataSource",
    "DeadlineIn",
    "DeadlineOut",
    "DecisionPageOut",
    "DeleverageIn",
    "DeleveragePlanOut",
    "DeleverageStepOut",
    "DeliveryOut",
    "DeliveryPageOut",
    "DeliveryStatus",
    "DeniedOut",
    "DepthLevelOut",
    "DepthOut",
    "DetectionOut",
    "DetectionOutScores",
    "DeviceOut",
    "DeviceRenameIn",
    "DevicesOut",
    "Direction",
    "DocumentKind",
    "DomainAgentsHeartbeatLiveness",
    "DonationIn",
    "DonationInDoneeKind",
    "DonationInKind",
    "DonationReceiptOut",
    "DonationReceiptOutConventions",
    "DonationReceiptPageOut",
    "DrawdownOut",
    "DriftOut",
    "DriftViewOut",
    "DrillRunOut",
    "DrillRunsOut",
    "DrillScheduleIn",
    "DrillScheduleOut",
    "DrillSchedulePatch",
    "DrillSchedulesOut",
    "DrillVenueOut",
    "ElementState",
    "EmployerMatchIn",
    "EmployerMatchOut",
    "EndpointIn",
    "EndpointInChannel",
    "EndpointListOut",
    "EndpointOut",
    "EndpointPatchIn",
    "EntryIn",
    "EntryOut",
    "EquityOut",
    "ErasureIn",
    "ErasureOut",
    "EsgBreachOut",
    "EsgCarbonOut",
    "EsgCarbonOutConventions",
    "EsgCoverageOut",
    "EsgDatasetOut",
    "EsgHoldingCarbonOut",
    "EsgHoldingIn",
    "EsgHoldingScoreOut",
    "EsgHoldingsSourceOut",
    "EsgIssuerOut",
    "EsgIssuerOutRevenueShares",
    "EsgQueryIn",
    "EsgScoreOut",
    "EsgScoreOutConventions",
    "EsgScreenedHoldingOut",
    "EsgScreenIn",
    "EsgScreenInThresholdsType0",
    "EsgScreenOut",
    "EsgScreenOutByCategory",
    "EsgScreenOutConventions",
    "EsgScreenOutThresholds",
    "EstateTaxIn",
    "EstateTaxOut",
    "EvidencePackOut",
    "EvidencePackOutContent",
    "EvidenceVerifyIn",
    "EvidenceVerifyInContent",
    "EvidenceVerifyOut",
    "EvmChainOut",
    "EvmChainsOut",
    "EvmWalletIn",
    "EvmWalletOut",
    "ExcludedAccountOut",
    "ExcludedOut",
    "ExclusionOut",
    "ExecutionOut",
    "ExitIn",
    "ExitOut",
    "ExpiryOut",
    "ExportOrderAttributionFormat",
    "ExternalSignalIn",
    "ExternalSignalOut",
    "FactorModelOut",
    "FailoverIn",
    "FailoverOut",
    "FanChartRowOut",
    "FanOut",
    "FearGreedIn",
    "FearGreedInHistory",
    "FearGreedInInputs",
    "FearGreedInWeightsType0",
    "FearGreedOut",
    "FearGreedOutConventions",
    "FearGreedOutWeights",
    "FieldError",
    "FittedWeightOut",
    "FoldOut",
    "Form13FIn",
    "Form13FInPricesType0",
    "Form13FOut",
    "Form13FOutConventions",
    "FreshQuoteOut",
    "FundamentalsOut",
    "FundIn",
    "FundOut",
    "FuturesCurveIn",
    "FuturesCurvePointOut",
    "FuturesQuoteIn",
    "GasCheapestWindowOut",
    "GasFeesOut",
    "GasFeesOutConventions",
    "GasHourOut",
    "GasIn",
    "GasOut",
    "GasOutConventions",
    "GasSpikeOut",
    "GetControlInventoryFormat",
    "GetEvidencePackFormat",
    "GetStatementsPeriod",
    "GexOut",
    "GexStrikeOut",
    "GivingCarryoverIn",
    "GivingCarryoverInCategory",
    "GivingCarryoverOut",
    "GivingCarryoversIn",
    "GivingCarryoversOut",
    "GivingCarryoverUseOut",
    "GivingCashRoomOut",
    "GivingDeductionIn",
    "GivingDeductionInAgi",
    "GivingDeductionLineOut",
    "GivingDeductionOut",
    "GivingDeductionOutConventions",
    "GivingSuggestionIn",
    "GivingSuggestionOut",
    "GivingSuggestionOutConventions",
    "GivingYearOut",
    "GlobalScopeIn",
    "GlobalScopeInIdType1",
    "GlobalScopeInIdType2Type1",
    "GlobalScopeInIdType3Type1",
    "GrantOut",
    "GrantsOut",
    "GreeksOut",
    "GreeksOutUnits",
    "GroupLagOut",
    "HarvestBlockedLotOut",
    "HarvestCandidateOut",
    "HarvestCorrelationOut",
    "HarvestIn",
    "HarvestInFilingStatusType1",
    "HarvestInFilingStatusType2Type1",
    "HarvestInFilingStatusType3Type1",
    "HarvestLotPickOut",
    "HarvestOut",
    "HarvestProjectionOut",
    "HarvestReplacementOut",
    "HarvestScenarioOut",
    "HarvestSkippedLotOut",
    "HarvestWashBlockOut",
    "HeadroomOut",
    "HeartbeatIn",
    "HeldCorrelationOut",
    "HeldJobOut",
    "HeldOrderOut",
    "HeldOrdersOut",
    "HillOut",
    "HistoryFitOut",
    "HistoryOut",
    "HistoryOutComponents",
    "HistoryOutConventions",
    "HoldingAccountOut",
    "HoldingAccountOutCash",
    "HoldingIn",
    "HoldingPartOut",
    "HoldingPositionOut",
    "HoldingsConventionsOut",
    "HoldingShockOut",
    "HoldingsOut",
    "HomeostasisOut",
    "HypeKeywordOut",
    "HypeOut",
    "HypeReadingOut",
    "HypeReadingOutConventions",
    "HypeReadingOutEngagementWeights",
    "IlliquidAssetDetailOut",
    "IlliquidAssetDetailOutConventions",
    "IlliquidAssetIn",
    "IlliquidAssetOut",
    "IlliquidAssetPageOut",
    "ImpermanentLossIn",
    "ImpermanentLossOut",
    "ImpermanentLossOutConventions",
    "ImpliedVolOut",
    "ImpliedVolOutReasons",
    "ImpliedVolOutUnits",
    "ImportanceSamplingOut",
    "ImportReportOut",
    "IncomeStatementOut",
    "IndicatorOut",
    "IndicatorOutColumns",
    "InDoubtOut",
    "InferenceOut",
    "InflationBetaOut",
    "InfoTableOut",
    "InsiderTransactionOut",
    "InsiderTransactionsOut",
    "InstrumentIn",
    "InstrumentInAssetClass",
    "InstrumentOut",
    "InstrumentPageOut",
    "InstrumentPatchIn",
    "InvestorIn",
    "InvestorProfileIn",
    "InvestorProfileInFilingStatus",
    "InvestorProfileInRiskToleranceType1",
    "InvestorProfileInRiskToleranceType2Type1",
    "InvestorProfileInRiskToleranceType3Type1",
    "InvestorProfileOut",
    "InvitationIn",
    "InvitationInRole",
    "InvitationOut",
    "InvitationsOut",
    "IssuedInvitationOut",
    "IVRankOut",
    "JobLeasesOut",
    "KafkaDisabledOut",
    "KafkaReportOut",
    "KeyAccessListOut",
    "KeyAccessOut",
    "KeysOut",
    "KeywordOut",
    "KeywordsIn",
    "KeywordsOut",
    "KillSwitchEventOut",
    "KillSwitchEventsOut",
    "KillSwitchStatusOut",
    "KsOut",
    "KycDocumentOut",
    "KycPageOut",
    "KycProviderOut",
    "KycReviewIn",
    "KycReviewInStatus",
    "KycStatusOut",
    "KycUploadForm",
    "KycWebhookAckOut",
    "LadderIn",
    "LadderOut",
    "LadderOutUnits",
    "LadderPositionOut",
    "LadderShockOut",
    "LedgerLotPickIn",
    "LedgerLotPickOut",
    "LedgerRiskConventionsOut",
    "LedgerRiskHoldingOut",
    "LedgerRiskIncomeOut",
    "LedgerRiskOut",
    "LedgerTransactionIn",
    "LedgerTransactionOut",
    "LedgerTransactionPageOut",
    "LeftOutHoldingOut",
    "LeftOutSecurityOut",
    "LevelGapOut",
    "LimitIn",
    "LimitOut",
    "LiquidAssetIn",
    "LiquidityDayOut",
    "LiquidityIn",
    "LiquidityInLiquidityType0",
    "LiquidityOut",
    "LiquidityOutConventions",
    "LiquiditySourceOut",
    "LiquidityTermsIn",
    "ListAuditEntriesFormat",
    "ListRoleDefaultsResponse200",
    "LiveOptInIn",
    "LiveOptInListOut",
    "LiveOptInOut",
    "LiveOptInRecordOut",
    "LiveStatus",
    "LoginIn",
    "LogoutIn",
    "LotMethod",
    "LpPositionOut",
    "LpPositionPointOut",
    "MacroDashboardOut",
    "MacroDashboardOutConventions",
    "MacroDashboardOutSpreads",
    "MacroDashboardOutYields",
    "MacroFigureOut",
    "MacroPointOut",
    "MacroReadingOut",
    "MacroScenarioIn",
    "MacroScenarioInShocks",
    "MacroSeriesOut",
    "ManagedUserOut",
    "MarginImpactOut",
    "MarginStatusOut",
    "MatchTierIn",
    "MatchTierOut",
    "MemberHaltOut",
    "MemberOut",
    "MentionOut",
    "MetricsOut",
    "MfaEnrollmentOut",
    "MfaVerifyIn",
    "Mode",
    "ModelIn",
    "ModelInRegimes",
    "ModelOut",
    "ModelOutMetrics",
    "ModelRecordOut",
    "ModelsOut",
    "MomentsOut",
    "MonteCarloComputeOut",
    "MonteCarloConventionsOut",
    "MonteCarloConventionsOutReturns",
    "MonteCarloIn",
    "MonteCarloOut",
    "MonthEndValueIn",
    "MoversOut",
    "MoversOutConventions",
    "MoversOutEngagementWeights",
    "NetInsiderBuyingOut",
    "NetInsiderBuyingOutConventions",
    "NetInsiderOut",
    "NewsItemOut",
    "NotificationOut",
    "NotificationOutData",
    "NotificationPageOut",
    "OpenLotOut",
    "OptimizationOut",
    "OptimizationOutConventions",
    "OptimizedPortfolioOut",
    "OptimizedWeightOut",
    "OptimizePortfolioOptimizationIn",
    "OptimizePortfolioOptimizationInBenchmarkType0",
    "OptimizePortfolioOptimizationInBoundsType0",
    "OptimizePortfolioOptimizationInBoundsType0BoundIn",
    "OptimizePortfolioOptimizationInCurrentWeightsType0",
    "OptimizePortfolioOptimizationInMarketCapsType0",
    "OptimizePortfolioOptimizationInMarketWeightsType0",
    "OptimizePortfolioOptimizationInRiskBudgetsType0",
    "OptimizePortfolioOptimizationInSectorLimitsType0",
    "OptimizePortfolioOptimizationInSectorLimitsType0BoundIn",
    "OptimizePortfolioOptimizationInSectorsType0",
    "OptimizePortfolioOptimizationInViewIn",
    "OptimizePortfolioOptimizationInViewInWeights",
    "OrderAttributionOut",
    "OrderAttributionRowOut",
    "OrderDriftOut",
    "OrderIn",
    "OrderOut",
    "OrderPageOut",
    "OrderPlaced",
    "OrderStatus",
    "OrderType",
    "OutOfSampleOut",
    "PaperFaultsIn",
    "PaperFaultsOut",
    "PartitionLagOut",
    "PasscodeChangeIn",
    "PasswordChangeIn",
    "PasswordResetConfirmIn",
    "PasswordResetIn",
    "Pattern",
    "PercentileFeeOut",
    "PerformanceConventionsOut",
    "PerformanceOut",
    "Period",
    "PeriodOut",
    "PeriodRecordOut",
    "PlanningProfileIn",
    "PlanningProfileOut",
    "PolicyIn",
    "PolicyOut",
    "PoolDrainAlertOut",
    "PoolDrainIn",
    "PoolDrainOut",
    "PoolDrainOutConventions",
    "PoolRangeIn",
    "PortfolioAccountIn",
    "PortfolioAccountInKind",
    "PortfolioAccountOut",
    "PortfolioBondsOut",
    "PortfolioBondsOutUnits",
    "PortfolioImportOut",
    "PortfolioImportOutByAccount",
    "PortfolioImportOutByKind",
    "PortfolioIn",
    "PortfolioOut",
    "PortfolioPageOut",
    "PortfolioPerformanceOut",
    "PortfolioRiskIn",
    "PortfolioRiskOut",
    "PortfolioRiskOutReturnsSourceType1",
    "PortfolioRiskOutReturnsSourceType2Type1",
    "PortfolioRiskOutReturnsSourceType3Type1",
    "PositionChangeOut",
    "PositionDriftOut",
    "PositionListOut",
    "PositionMarginOut",
    "PositionOut",
    "PositionPnlOut",
    "PredictIn",
    "PredictInInputs",
    "PredictOut",
    "PredictOutOutputs",
    "PreferencesIO",
    "PreferencesIOChannels",
    "PreferencesIODigestMinutes",
    "PriceAlertIn",
    "PriceAlertListOut",
    "PriceAlertNoteIn",
    "PriceAlertOut",
    "PriceHistoryIn",
    "PrivateEquityIn",
    "PrivateEquityOut",
    "Problem",
    "ProngOut",
    "ProposalIn",
    "ProposalOut",
    "ProposalOutWashFreeAfter",
    "ProviderOut",
    "ProvidersOut",
    "PumpOut",
    "PumpOutLastQuoteAt",
    "PushKeysIn",
    "PushSubscriptionIn",
    "PutCallOut",
    "QualityOut",
    "QuietHoursIO",
    "RateLimitOut",
    "RateObservationOut",
    "RateSeriesPageOut",
    "RatioOut",
    "ReadAllOut",
    "ReadyOut",
    "RebalanceDriftOut",
    "RebalanceLotSaleOut",
    "RebalanceOrderOut",
    "RebalanceSymbolDriftOut",
    "RebalanceTradeOut",
    "RebalanceTradeOutSide",
    "RebalanceUnresolvedOut",
    "ReconciliationOut",
    "RecoveryIn",
    "RecoveryOut",
    "RecoveryOutConventions",
    "RefitOut",
    "RefreshIn",
    "Regime",
    "RegimeChangeOut",
    "RegimeChangeOutAfter",
    "RegimeChangeOutBefore",
    "RegimeEffectsOut",
    "RegimeOut",
    "RegimeOutConventions",
    "RegimeOutCross",
    "RegimeOutLabel",
    "RegimeOutScores",
    "RegimeOverrideIn",
    "RegimePeriodOut",
    "RegimePeriodOutRegime",
    "RegimeSegmentOut",
    "RegimeSegmentOutRegime",
    "RegimeShiftsOut",
    "RegimeShiftsOutSeries",
    "ReitIn",
    "ReitsIn",
    "ReitsOut",
    "ReitsOutSectors",
    "ReitsOutSectorWeights",
    "RejectHeldIn",
    "RemindersIn",
    "RemindersOut",
    "ReplayCatalogOut",
    "ReplayCatalogOutUnits",
    "ReplayOut",
    "ReplayOutShocks",
    "RequirementOut",
    "RequirementPartOut",
    "ResetRequestedOut",
    "ResultOut",
    "ResultOutOpenPositions",
    "ResumeIn",
    "ResumeInToState",
    "RetainedOut",
    "RetiredKeyOut",
    "RetirementLimitsOut",
    "RetirementLimitsOutRothPhaseOut",
    "RetirementPlanIn",
    "RetirementPlanInKind",
    "RetirementPlanOut",
    "RetirementSourceOut",
    "ReturnStatsOut",
    "ReviewOut",
    "ReviewOutFigures",
    "ReviewReasonOut",
    "RiskRowOut",
    "RiskRowOutMethod",
    "RiskSizingIn",
    "RiskSizingOut",
    "RmdIn",
    "RmdOut",
    "RoleIn",
    "RoleInRole",
    "RoomIn",
    "RoomInAccountType",
    "RoomInFilingStatusType1",
    "RoomInFilingStatusType2Type1",
    "RoomInFilingStatusType3Type1",
    "RoomOut",
    "RotateIn",
    "RotationOut",
    "RotationOutCounts",
    "RothConversionIn",
    "RothConversionInFilingStatusType1",
    "RothConversionInFilingStatusType2Type1",
    "RothConversionInFilingStatusType3Type1",
    "RothConversionOut",
    "RuinByYearOut",
    "RuleIn",
    "RuleInParams",
    "RuleListOut",
    "RuleOut",
    "RuleOutParams",
    "RuleScope",
    "RuleTestIn",
    "RuleTestOut",
    "RuleType",
    "RunIn",
    "SahmOut",
    "ScenarioComputeOut",
    "ScenarioIn",
    "ScenarioOut",
    "ScenarioOutConventions",
    "ScenarioOutRegimeOccupancy",
    "ScenarioOutRegimeSource",
    "ScenarioResultOut",
    "ScenarioResultOutByFactor",
    "ScenarioResultOutShocks",
    "ScopeKind",
    "ScopeOut",
    "ScopesOut",
    "ScopeStateOut",
    "SectorWeightOut",
    "SecurityIn",
    "SensitivitiesIn",
    "SentimentIn",
    "SentimentOut",
    "SentimentResultOut",
    "SentimentResultOutProbabilities",
    "SeriesOut",
    "SessionOut",
    "ShockIn",
    "ShockInBetaProxiesType0",
    "ShockInSensitivities",
    "ShockOut",
    "ShockOutConventions",
    "Side",
    "SignalModelOut",
    "SignalModelsOut",
    "SignalOut",
    "SignalOutDetails",
    "SignalPageOut",
    "SignupIn",
    "SizingInputsOut",
    "SizingMethod",
    "SkippedActionOut",
    "SkippedHoldingOut",
    "SkippedOut",
    "SleeveOut",
    "SourceIn",
    "SourceInRoundOut",
    "SourceKeysOut",
    "SourceKeysOutLabels",
    "SourceOut",
    "SourceQualityOut",
    "SpreadOut",
    "StandingOut",
    "StatementRatiosOut",
    "StatementsOut",
    "StatementsOutPeriod",
    "Status",
    "StatusOut",
    "StatusOutSettings",
    "StepUpIn",
    "StoredAttributionIn",
    "StoredAttributionInFactors",
    "StoredAttributionInLinking",
    "StoredAttributionOut",
    "StoredAttributionOutLinkedBySector",
    "StoredAttributionSourceOut",
    "StoredAttributionSourceOutPeriod",
    "StoredConversionIn",
    "StoredConversionInFilingStatusType1",
    "StoredConversionInFilingStatusType2Type1",
    "StoredConversionInFilingStatusType3Type1",
    "StoredConversionOut",
    "StoredEffectsOut",
    "StoredFactorOut",
    "StoredFactorOutBetas",
    "StoredFactorOutContributions",
    "StoredHistoryOut",
    "StoredInputsOut",
    "StoredInputsOutSources",
    "StoredLiquidAssetOut",
    "StoredMatchIn",
    "StoredMatchOut",
    "StoredRmdIn",
    "StoredRmdOut",
    "StoredRoomIn",
    "StoredRoomInFilingStatusType1",
    "StoredRoomInFilingStatusType2Type1",
    "StoredRoomInFilingStatusType3Type1",
    "StoredRoomOut",
    "StoredSourceOut",
    "StrategiesDecisionOut",
    "StrategiesSizingIn",
    "StrategiesSizingOut",
    "StrategyIn",
    "StrategyMode",
    "StrategyOut",
    "StrategyPatchIn",
    "StressPositionIn",
    "SuccessionStatus",
    "SuccessionStatusOut",
    "SurveillanceAlertOut",
    "SurveillanceAlertOutObserved",
    "SurveillanceAlertOutThresholds",
    "SurveillanceAlertPageOut",
    "SurveillanceEvidenceOut",
    "SurveillanceEvidenceOutFillsItem",
    "SurveillanceEvidenceOutOrdersItem",
    "SweepOut",
    "SymbolBetasOut",
    "SymbolSentimentOut",
    "SymbolSentimentOutShares",
    "SyncReportOut",
    "TailFitOut",
    "TailIndexOut",
    "TailOut",
    "TaxBracketIn",
    "TaxBracketOut",
    "TaxBracketsIn",
    "TaxConventionsOut",
    "TaxConventionsOutLotMethods",
    "TaxLotOut",
    "TaxLotPageOut",
    "TaxRatesOut",
    "TaxRealizedLotOut",
    "TaxRealizedPageOut",
    "TaxRealizedTotalsOut",
    "TaxTermTotalsOut",
    "TaxWashSaleOut",
    "TaxWashSalePageOut",
    "TaxYearOut",
    "TensorOut",
    "Term",
    "TermStructureOut",
    "TermStructureOutConventions",
    "TestOutcomeOut",
    "ThresholdIn",
    "ThresholdOut",
    "ThresholdsOut",
    "Timeframe",
    "TimeInForce",
    "TokenOut",
    "TopicOut",
    "TradeIn",
    "TradeOut",
    "TradeStatsOut",
    "TradingState",
    "TradingType",
    "TransactionKind",
    "TransactionSource",
    "TransitionOut",
    "TreasuryCurvePointOut",
    "TreasuryCurveValueOut",
    "TreasuryInversionPeriodOut",
    "TreasuryInversionsOut",
    "TreasuryInversionsOutConventions",
    "TreasurySpreadInversionsOut",
    "TreasurySpreadOut",
    "TurnoverOut",
    "UnconfirmedOrderOut",
    "UnreadableOut",
    "UnreadCountsOut",
    "UnreadCountsOutByType",
    "UserOut",
    "UsersOut",
    "ValidationOut",
    "ValuationIn",
    "ValuationOut",
    "ValuationPointOut",
    "VarianceReductionOut",
    "VarianceReductionOutConventions",
    "VarIn",
    "VarInMethodsItem",
    "VaRLevelOut",
    "VaROut",
    "VarOut",
    "VarOutConventions",
    "VarOutSource",
    "VarOutUnit",
    "VaultKeyIn",
    "VaultKeyListOut",
    "VaultKeyOut",
    "VaultKeyPatchIn",
    "VaultKeyRotateIn",
    "VenueSessionsOut",
    "VerdictOut",
    "VestingIn",
    "VestingInKind",
    "VestingOut",
    "ViolationOut",
    "WalletAssetOut",
    "WalletBalancesIn",
    "WalletBalancesOut",
    "WalletBalancesOutConventions",
    "WeightsOut",
    "WhaleOut",
    "WhaleRuleOut",
    "WhaleThresholdsOut",
    "WorkspaceIn",
    "WorkspaceInLayoutJson",
    "WorkspaceOut",
    "WorkspaceOutLayoutJson",
    "WorkspacesOut",
    "YieldCurveOut",
    "YieldCurveOutConventions",
    "ZScoreMethod",
)
