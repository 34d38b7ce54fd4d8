import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';

@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** For load balancers and Kubernetes probes: 200 when the database answers, 503 otherwise. */
  @Get()
  async health(@Res() res: Response) {
    try {
      await this.dataSource.query('SELECT 1');
      res.status(HttpStatus.OK).json({ status: 'ok', database: 'up' });
    } catch {
      res.status(HttpStatus.SERVICE_UNAVAILABLE).json({ status: 'error', database: 'down' });
    }
  }
}
