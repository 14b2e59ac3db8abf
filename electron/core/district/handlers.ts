import type { HandlersFor } from '../../api/define';
import type { districtApi } from '../../api/district';
import type { AuditLog } from '../audit/chain';
import type { Db } from '../store/open';
import type { BundleExporter } from './export';
import type { SigningKey } from './keys';
import type { DistrictService } from './service';

export const districtHandlers = (deps: {
  db: Db;
  key: () => SigningKey;
  exporter: BundleExporter;
  district: DistrictService;
  audit: AuditLog;
  assertTeam: (teamId: number) => void;
}): HandlersFor<typeof districtApi> => {
  const hashAt = deps.db.prepare<[number], { hash: string }>('SELECT hash FROM audit_log WHERE seq = ?');
  return {
    'district.key': () => deps.key().info,
    'district.export': (input, ctx) => {
      deps.assertTeam(input.teamId);
      return deps.exporter.export(input, ctx);
    },
    'district.inspect': ({ files }) => deps.district.inspect(files),
    'district.import': ({ files, trust }, ctx) => deps.district.import(files, trust, ctx),
    'district.overview': (input) => deps.district.overview(input),
    'district.team': ({ bundleId }) => deps.district.team(bundleId),
    'district.verifyAnchor': ({ teamId, length, hash }) => {
      deps.assertTeam(teamId);
      const own = deps.audit.verify();
      const at = hashAt.get(length)?.hash ?? null;
      const matches = at !== null && at.startsWith(hash);
      const message = matches
        ? `De auditketen bevat de kop die het district vastlegde (regel ${length}).`
        : at === null
          ? `De auditketen heeft maar ${own.records} regels; het district legde er ${length} vast. Er zijn regels verdwenen sinds de verantwoording.`
          : `Regel ${length} van de auditketen heeft een andere hash dan het district vastlegde: de administratie is herschreven sinds die verantwoording.`;
      return { chainOk: own.ok, records: own.records, matches, message };
    },
  };
};
