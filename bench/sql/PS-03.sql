-- PS-03 人证不符 (claim): settlement sex differs from the registered one, settlement age differs
-- from the age computed from the registered birth date by more than 1, or a diagnosis specific to
-- the other sex (std.lists 女性专属诊断 / 男性专属诊断).
WITH female(prefix) AS (VALUES ('O'), ('N7'), ('N8'), ('N90'), ('N91'), ('N92'), ('N93'), ('N94'),
       ('N95'), ('N96'), ('N97'), ('N98'), ('C51'), ('C52'), ('C53'), ('C54'), ('C55'), ('C56'),
       ('C57'), ('C58'), ('D06'), ('D25'), ('D26'), ('D27'), ('D28'), ('Z32'), ('Z33'), ('Z34'),
       ('Z35'), ('Z36'), ('Z37'), ('Z39')),
male(prefix) AS (VALUES ('N4'), ('N50'), ('N51'), ('C60'), ('C61'), ('C62'), ('C63'), ('D29')),
claim AS (
  SELECT s.gend, s.age, p.gend AS reg_gend, coalesce(p.gend, s.gend) AS sex,
         CAST(strftime('%Y', s.begndate) AS INTEGER) - CAST(strftime('%Y', p.brdy) AS INTEGER)
           - (strftime('%m-%d', s.begndate) < strftime('%m-%d', p.brdy)) AS reg_age,
         (CASE WHEN s.dise_codg IS NULL THEN NULL
               ELSE EXISTS (SELECT 1 FROM female f WHERE substr(s.dise_codg, 1, length(f.prefix)) = f.prefix) END
          OR EXISTS (SELECT 1 FROM json_each(coalesce(s.oth_dise_codg, '[]')) o, female f
                     WHERE substr(o.value, 1, length(f.prefix)) = f.prefix)) AS female_dx,
         (CASE WHEN s.dise_codg IS NULL THEN NULL
               ELSE EXISTS (SELECT 1 FROM male m WHERE substr(s.dise_codg, 1, length(m.prefix)) = m.prefix) END
          OR EXISTS (SELECT 1 FROM json_each(coalesce(s.oth_dise_codg, '[]')) o, male m
                     WHERE substr(o.value, 1, length(m.prefix)) = m.prefix)) AS male_dx
  FROM setl_d s LEFT JOIN psn_info_b p ON p.psn_no = s.psn_no)
SELECT count(*) FROM claim
WHERE coalesce(reg_gend != gend, 0)
   OR coalesce(abs(age - reg_age) > 1, 0)
   OR coalesce((sex = '1' AND female_dx) OR (sex = '2' AND male_dx), 0);
