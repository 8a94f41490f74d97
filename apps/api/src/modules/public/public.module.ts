import { Module } from '@nestjs/common';
import { PublicationsModule } from '../publications/publications.module';
import { PublicController } from './public.controller';
import { PublicationsRepository } from './publications.repository';

@Module({
  imports: [PublicationsModule],
  controllers: [PublicController],
  providers: [PublicationsRepository],
  exports: [PublicationsRepository],
})
export class PublicModule {}
