-- The busiest lead sponsors in each sponsor group (industry / academic / government / other).
WITH g AS (
    SELECT sponsor,
           CASE WHEN lead_sponsor_class = 'INDUSTRY' THEN 'Industry'
                WHEN lead_sponsor_class = 'OTHER' THEN 'Academic and other'
                WHEN lead_sponsor_class IN ('NIH', 'FED', 'OTHER_GOV') THEN 'Government'
                ELSE 'Network, individual or unknown' END AS sponsor_group,
           count(*) AS trials
    FROM f WHERE sponsor IS NOT NULL AND sponsor <> ''
    GROUP BY ALL
)
SELECT * FROM g
QUALIFY row_number() OVER (PARTITION BY sponsor_group ORDER BY trials DESC, sponsor) <= $n
ORDER BY sponsor_group, trials DESC, sponsor
