namespace Allot.Core.Classification.Schemes;

/// <summary>The schemes shipped with Allot, as annotated JSON (with // comments) that <c>allot scheme init</c>
/// writes out for editing and <see cref="SchemeParser"/> reads.</summary>
/// <remarks>Every text here parses and runs on a table with the standard indicators (the tests check it).</remarks>
public static class BuiltInSchemes
{
    /// <summary>The default scheme: <see cref="Retail"/>.</summary>
    public static string Default => Retail;

    /// <summary>Retail: RFM segments as the segment, ABC on sales amount as the tier, lifecycle stages.</summary>
    public const string Retail = """
        // Retail scheme: who buys most (ABC tier), how they buy (RFM segment) and where they are in their lifecycle.
        {
          "name": "retail",
          "description": "ABC on sales amount as tier, RFM segments, lifecycle stages",
          // "as_of": "2024-12-31",   // optional: refuse indicators computed for another date
          "tier_from": "abc_amount",      // the classifier whose class is the customer's tier
          "segment_from": "rfm",          // ... the customer's segment
          "lifecycle_from": "lifecycle",  // ... the customer's lifecycle stage
          "classifiers": [
            {
              "name": "abc_amount",
              "kind": "abc",
              "indicator": "amount",        // rank customers by all-time sales
              "thresholds": [0.8, 0.95],    // A while the share before a customer is < 80 %, B while < 95 %, else C
              "classes": ["A", "B", "C"],   // class names, best first
              "loss_class": "no sales"      // customers with amount <= 0 or missing (omit to put them in C)
            },
            {
              "name": "rfm",
              "kind": "rfm",
              // Recency, frequency and monetary indicators, each scored 1–5 by quintile.
              "indicators": { "recency": "recency_days", "frequency": "orders", "monetary": "amount" },
              "language": "en",             // segment names: "en" (Champions…) or "zh" (冠军客户…)
              "cells": { "555": "Champions" } // optional overrides: cell r·100+f·10+m → segment name
            },
            {
              "name": "lifecycle",
              "kind": "lifecycle",
              "new_max_tenure_days": 90,    // new while the first order is at most 90 days old
              "dormant_recency_days": 180,  // dormant when the last order is more than 180 days old
              "lost_recency_days": 365,     // lost when more than 365 days
              "declining_growth": -0.2,     // declining when 365-day growth <= -20 %
              "growing_growth": 0.2,        // growing when >= +20 %
              "language": "en"              // stage names: "en" or "zh"
            },
          ],
        }
        """;

    /// <summary>B2B: a weighted value score as the tier (高价值/潜力/普通/低价值), ABC on profit, and credit tags.</summary>
    public const string B2B = """
        // B2B scheme: value tier from a weighted score, profit ABC, and tags from credit rules.
        {
          "name": "b2b",
          "description": "Weighted value score as tier, ABC on profit, credit-risk and key-account tags",
          "tier_from": "value",
          "segment_from": "abc_profit",
          "lifecycle_from": "lifecycle",
          "classifiers": [
            {
              "name": "value",
              "kind": "score",
              // Each indicator is normalised to 0–1; the score is the weighted mean × 100. Weights need not sum to 1.
              "indicators": [
                { "indicator": "amount_365", "weight": 4 },                                  // last year's sales
                { "indicator": "profit_365", "weight": 3 },                                  // last year's profit
                { "indicator": "collection_days", "weight": 2, "direction": "lower_is_better" }, // faster payers score higher
                { "indicator": "growth_365", "weight": 1 }                                   // growth over the year before
              ],
              "normalisation": "percentile_rank", // "min_max", "z_score" or "percentile_rank" (robust to outliers)
              "winsorise": [0.01, 0.99],          // clip values to the 1st–99th percentile before normalising
              // Tiers by minimum score, best first, strictly decreasing; below the last is the rest tier.
              "score_tiers": [
                { "name": "高价值", "min_score": 80 },
                { "name": "潜力", "min_score": 60 },
                { "name": "普通", "min_score": 30 }
              ],
              "rest_tier": "低价值"
            },
            {
              "name": "abc_profit",
              "kind": "abc",
              "indicator": "profit",            // ABC on all-time profit
              "thresholds": [0.8, 0.95],
              "classes": ["A", "B", "C"],
              "loss_class": "loss"              // loss-making customers get their own class
            },
            {
              "name": "credit",
              "kind": "rules",
              "mode": "all_match",              // every matching rule adds its outcome as a tag
              "rules": [
                // Each rule: all conditions must hold; ops > >= < <= == != (numbers) and == != in (texts).
                { "then": "credit_risk", "when": [ { "indicator": "overdue_amount", "op": ">", "value": 10000 } ] },
                { "then": "key_account", "when": [ { "indicator": "key_account", "op": "==", "value": 1 } ] }
              ],
              "default": "none"                 // class when no rule matches (not a tag)
            },
            {
              "name": "lifecycle",
              "kind": "lifecycle",
              "dormant_recency_days": 120,      // B2B buyers reorder often: silent 4 months is dormant
              "lost_recency_days": 365,
              "language": "zh"
            }
          ]
        }
        """;

    /// <summary>Bank-like: a score on amount and order frequency with tiers by share of customers, plus
    /// 8-class RFM as the segment.</summary>
    public const string BankLike = """
        // Bank-like scheme: fixed shares of customers per tier, as relationship-managed portfolios do.
        {
          "name": "bank_like",
          "description": "Score on amount and orders per month with share tiers; 8-class RFM segments",
          "tier_from": "value",
          "segment_from": "rfm8",
          "classifiers": [
            {
              "name": "value",
              "kind": "score",
              "indicators": [
                { "indicator": "amount" },          // weights come from the AHP matrix below
                { "indicator": "orders_per_month" }
              ],
              // AHP pairwise comparisons: amount is 3 times as important as orders per month.
              "ahp": [
                [1, 3],
                [0.3333, 1]
              ],
              "normalisation": "z_score",
              // Tiers by share of customers in score order: top 5 %, next 15 %, next 30 %; the rest are "mass".
              "share_tiers": [
                { "name": "private", "share": 0.05 },
                { "name": "priority", "share": 0.15 },
                { "name": "affluent", "share": 0.30 }
              ],
              "rest_tier": "mass"
            },
            {
              "name": "rfm8",
              "kind": "rfm8",                   // R, F, M each above or below its mean: 8 classes (重要价值…)
              "language": "zh"
            },
            {
              "name": "dormant",
              "kind": "rules",
              "mode": "all_match",
              "rules": [
                { "then": "dormant_high_value", "when": [
                  { "indicator": "recency_days", "op": ">", "value": 180 },
                  { "indicator": "amount", "op": ">=", "value": 10000 } ] }
              ]
            }
          ]
        }
        """;

    /// <summary>Every bundled scheme by name: default, retail, b2b, bank_like.</summary>
    public static IReadOnlyList<(string Name, string Json)> All { get; } =
        [("default", Default), ("retail", Retail), ("b2b", B2B), ("bank_like", BankLike)];
}
