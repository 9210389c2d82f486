-- IP-02 挂床住院 (claim): stay of >= 5 days, every line timed, and >= 80% of the calendar days
-- (begndate..enddate inclusive) without a drug, exam, lab, treatment or surgery line.
WITH treated AS (
  SELECT s.setl_id, count(DISTINCT coalesce(substr(l.fee_ocur_time, 1, 10), s.begndate)) AS days
  FROM setl_d s
  JOIN fee_list_d l ON l.setl_id = s.setl_id
  LEFT JOIN hilist_b h ON h.hilist_code = l.med_list_codg
  WHERE s.med_type = '21'
    AND coalesce(substr(l.fee_ocur_time, 1, 10), s.begndate) BETWEEN s.begndate AND s.enddate
    AND (h.item_group IN ('DRUG', 'CT', 'MRI', 'EXAM', 'LAB', 'TREATMENT', 'SURGERY', 'DIALYSIS', 'REHAB')
         OR l.med_chrgitm_type IN ('03', '04', '05', '06', '09', '10', '11'))
  GROUP BY s.setl_id),
stay AS (
  SELECT s.setl_id, CAST(julianday(s.enddate) - julianday(s.begndate) AS INTEGER) AS nights
  FROM setl_d s WHERE s.med_type = '21')
SELECT count(*)
FROM stay
LEFT JOIN treated t ON t.setl_id = stay.setl_id
WHERE NOT EXISTS (SELECT 1 FROM fee_list_d l WHERE l.setl_id = stay.setl_id AND l.fee_ocur_time IS NULL)
  AND max(stay.nights, 1) >= 5
  AND round((stay.nights + 1 - coalesce(t.days, 0)) * 1.0 / (stay.nights + 1), 4) >= 0.80;
