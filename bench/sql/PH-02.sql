-- PH-02 一卡多店、一日频繁刷卡 (person, for each group): on one day, pharmacy settlements at
-- >= 3 different pharmacies or >= 5 pharmacy settlements.
SELECT count(*)
FROM (SELECT count(DISTINCT s.fixmedins_code) AS pharmacies, count(*) AS settlements
      FROM setl_d s
      LEFT JOIN fixmedins_b i ON i.fixmedins_code = s.fixmedins_code
      WHERE s.psn_no IS NOT NULL AND (s.med_type = '41' OR i.fixmedins_type = '2')
      GROUP BY s.psn_no, s.begndate)
WHERE pharmacies >= 3 OR settlements >= 5;
