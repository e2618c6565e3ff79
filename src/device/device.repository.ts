import type { Database } from '../db/database.js';
import type { SpecRecord } from './spec.type.js';

export class DeviceRepository {
  constructor(private readonly db: Database) {}

  async specsByDeviceIds(deviceIds: readonly string[]): Promise<SpecRecord[][]> {
    const rows = await this.db.read('specsByDeviceIds', { keys: deviceIds });
    const byDevice = new Map(rows.map((row) => [row.key as string, row.specs as SpecRecord[]]));
    return deviceIds.map((id) => byDevice.get(id) ?? []);
  }
}
