namespace Allot.Core.Maintenance;

/// <summary>The annotated rules file <c>allot pool init</c> writes; parsing it gives the built-in defaults.</summary>
public static class DefaultRules
{
    /// <summary>The file's text (JSON with comments).</summary>
    public const string Text = """
        // Allot rules: the public pool (公海), the follow-up plan, customer care and alerts.
        // JSON with comments. Check it with `allot pool check`; the format is in docs/pool.md.
        {
          // Managers of every pool: they may assign customers from the pool directly and see contact details.
          "managers": [],

          // Pools by customer region, each with the reps it serves and its managers. A customer belongs to the pool
          // that lists its region; the pool without "regions" takes every other region.
          "pools": [
            {
              "name": "default"
              // , "regions": ["East China - Shanghai", "East China - Jiangsu"]
              // , "teams": ["East"]           // reps of these teams may claim from it...
              // , "reps": ["R0001"]           // ...and these reps; with neither, every rep may
              // , "managers": ["zhang.wei"]   // may assign from it directly and see its customers' contacts
              // , "defaults": {…}, "tiers": {…}, "segments": {…}, "stages": {…}   // this pool's own overrides
            }
          ],

          // The rules for every customer. "tiers", "segments" and "stages" override them for the customer's tier,
          // segment and lifecycle stage in the latest classification run, then a pool's own blocks override those.
          "defaults": {
            "reclaim": {
              "no_interaction_days": 60,      // back to the pool after 60 days without a follow-up (null: never)
              "no_order_days": 365,           // ...or after a year without an order (null: never)
              "warn_days": 7,                 // the owner is warned 7 days before
              "exempt_key_accounts": true,    // key accounts are never reclaimed
              "exempt_tags": ["locked", "锁定"] // nor customers with one of these tags
            },
            "claim": {
              "per_day": 10,                  // claims per rep and day, over every pool
              "per_month": 100,               // claims per rep and calendar month
              "cap_by_level": { "junior": 200, "mid": 300, "senior": 500 },  // most customers a rep may own (保有量)
              "cooldown_days": 30             // a rep may not claim back a customer it lost in the last 30 days
            },
            "followup_days": 45,              // follow-up cadence: days after the last interaction
            "credit_limit": null              // most a customer may owe before an alert (null: no limit)
          },
          "tiers": {
            "A": { "followup_days": 30,  "reclaim": { "no_interaction_days": 60 } },
            "B": { "followup_days": 90,  "reclaim": { "no_interaction_days": 120 } },
            "C": { "followup_days": 180, "reclaim": { "no_interaction_days": 210 } }
          },
          "segments": {},
          "stages": {},

          "followups": {
            "new_customer_days": 7,           // a new customer is followed up within 7 days of its first order
            "new_customer_window_days": 90,   // a first order counts as new for 90 days
            "churn_days": 14,                 // a churn warning is followed up within 14 days
            "churn_stages": ["declining", "dormant", "衰退", "沉睡"],  // lifecycle stages that are a churn warning
            "churn_probability_below": 0.5,   // a value model's P(still active) below this is one too
            "horizon_weeks": 4                // how far `allot followups plan` looks ahead
          },

          "care": {
            "lead_days": 3,                   // care tasks are due 3 days before the date
            "birthdays": true,
            "anniversaries": true,            // of the first order
            "holiday_tiers": ["A"],           // holiday greetings for these tiers...
            "holiday_key_accounts": true,     // ...and for key accounts
            // Built in: new_year, spring_festival, lantern, womens_day, labour_day, dragon_boat, qixi, mid_autumn,
            // national_day, double_ninth, christmas (lunar ones for 2020–2035). Your own:
            // {"name": "店庆", "name_en": "Store anniversary", "date": "06-18"} or "dates": {"2036": "2036-01-28"}.
            "holidays": ["new_year", "spring_festival", "dragon_boat", "mid_autumn", "national_day"],
            "messages": {
              "birthday": {
                "zh": "{name}，生日快乐！感谢您一直以来的信任与支持，祝您身体健康、万事如意。",
                "en": "Happy birthday, {name}! Thank you for your trust and support; we wish you health and every success."
              },
              "anniversary": {
                "zh": "{name}，今天是我们合作{years}周年的日子，感谢您的信任与支持，期待继续携手前行！",
                "en": "{name}, it is {years} year(s) today since your first order with us. Thank you for your trust; here is to the years ahead!"
              },
              "holiday": {
                "zh": "{name}，{holiday}快乐！感谢您一直以来的支持，祝您阖家幸福、万事顺意。",
                "en": "Happy {holiday}, {name}! Thank you for your support; best wishes to you and your family."
              }
            }
          },

          "alerts": {
            "receivable_grace_days": 0,       // an unpaid invoice alerts the day after its due date
            "digest_dir": null,               // the daily digest's folder (default: "digests" beside the store)
            "webhook": { "url": null, "timeout_seconds": 10 }  // POST the digest as JSON to this URL
          }
        }

        """;
}
