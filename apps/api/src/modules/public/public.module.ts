import { Module } from '@nestjs/common';
import { PublicController } from './public.controller';
import { PublicationsRepository } from './publications.repository';

@Module({
  controllers: [PublicController],
  providers: [PublicationsRepository],
  exports: [PublicationsRepository],
})
export class PublicModule {}
